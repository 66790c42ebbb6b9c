package io.loadrank.balancer.decision;

import java.util.List;

/**
 * What {@link Steering#decide} found: the nodes to demote now (hottest first) and what changed since the
 * previous decision.
 *
 * @param demoted          nodes to move behind the others, hottest first
 * @param newlyDemoted     demoted now, not before
 * @param restored         demoted before, not now
 * @param basis            what the decision rests on
 * @param rankedAtMillis   time of the ranking used, {@link Long#MIN_VALUE} when there is none
 * @param validUntilMillis after this instant the decision must not be used (the ranking is older than max-age)
 */
public record Decision(
        List<NodeIdentity> demoted,
        List<NodeIdentity> newlyDemoted,
        List<NodeIdentity> restored,
        Basis basis,
        long rankedAtMillis,
        long validUntilMillis) {

    public Decision {
        demoted = List.copyOf(demoted);
        newlyDemoted = List.copyOf(newlyDemoted);
        restored = List.copyOf(restored);
    }

    public boolean changed() {
        return !newlyDemoted.isEmpty() || !restored.isEmpty();
    }

    /** What a decision rests on. */
    public enum Basis {
        /** no ranking has been read yet */
        NO_RANKING("no ranking read yet"),
        /** the slice's last ranking was withdrawn: every host of it is out of the topology's window */
        SLICE_LEFT("the slice left the ranking"),
        /** the latest ranking is older than max-age */
        EXPIRED("the latest ranking is older than max-age"),
        /** a ranking younger than max-age */
        FRESH("fresh ranking");

        private final String description;

        Basis(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }
}
