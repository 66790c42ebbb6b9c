package io.loadrank.alert;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates the alert rules against each global ranking (docs/ALERTS.md). Pure: the time is the
 * ranking's, so tests move it by hand.
 *
 * <p>An alert is one rule and one subject (a host, or a datacenter for the top-host rule). Its
 * episode begins when the condition holds for {@code for} without a break (a break starts the wait
 * again), then it fires once. While firing, the condition may break and come back: the alert keeps
 * firing and counts one more occurrence, until the condition has stayed false for {@code clear};
 * then it resolves. So an alert fires once per episode whatever the condition does in between.
 *
 * <p>The top-host rule fires when a datacenter's top host is a host other than the one before and
 * has stayed on top for {@code for}; the alert stays active for {@code clear} after the last change
 * (each further change is one more occurrence).
 *
 * <p>Not thread-safe; one engine per global ranking bolt.
 */
public final class AlertEngine {

    /** The group of the hosts without a datacenter. */
    public static final String NO_DATACENTER = "(no datacenter)";

    private final List<AlertRule> rules;
    /** Every alert that is waiting out {@code for} or firing, by id. */
    private final Map<String, Episode> episodes = new LinkedHashMap<>();
    /** The established top host of each datacenter group, per top-host rule: rule/group -> watch. */
    private final Map<String, TopWatch> tops = new HashMap<>();

    public AlertEngine(AlertRules rules) {
        this.rules = rules.rules();
    }

    /** The events of this evaluation: the alerts that fired and the alerts that resolved, in that order. */
    public List<AlertEvent> evaluate(FleetSnapshot fleet) {
        long now = fleet.atMillis();
        Map<String, Observation> holding = new LinkedHashMap<>();
        for (AlertRule rule : rules) {
            switch (rule.kind()) {
                case SCORE, DC_SCORE, AVERAGE -> observeThreshold(rule, fleet, holding);
                case TOPIC_AVERAGE -> observeTopicAverage(rule, fleet, holding);
                case STALE -> observeStale(rule, fleet, holding);
                case DC_TOP_CHANGED -> observeTops(rule, fleet, holding);
                default -> throw new IllegalStateException(rule.kind().toString());
            }
        }
        List<AlertEvent> fired = new ArrayList<>();
        List<AlertEvent> resolved = new ArrayList<>();
        for (Map.Entry<String, Observation> entry : holding.entrySet()) {
            Observation seen = entry.getValue();
            Episode episode = episodes.computeIfAbsent(
                    entry.getKey(), id -> new Episode(id, seen.rule, seen.subject, seen.sinceMillis));
            episode.holds(seen, now);
            // the top-host rule waited out "for" before it reported the change
            long wait = seen.rule.kind() == AlertKind.DC_TOP_CHANGED ? 0 : seen.rule.forMillis();
            if (!episode.firing && now - episode.firstSeenMillis >= wait) {
                episode.firing = true;
                fired.add(episode.event(AlertEvent.State.FIRING, now));
            }
        }
        for (Iterator<Episode> it = episodes.values().iterator(); it.hasNext(); ) {
            Episode episode = it.next();
            if (holding.containsKey(episode.id)) {
                continue;
            }
            if (!episode.firing) {
                it.remove(); // broke before it fired: the wait starts again next time
                continue;
            }
            if (episode.falseSinceMillis < 0) {
                episode.falseSinceMillis = now;
            }
            episode.holding = false;
            boolean over = episode.rule.kind() == AlertKind.DC_TOP_CHANGED
                    ? now - episode.lastSeenMillis >= episode.rule.clearMillis()
                    : now - episode.falseSinceMillis >= episode.rule.clearMillis();
            if (over) {
                resolved.add(episode.event(AlertEvent.State.RESOLVED, now));
                it.remove();
            }
        }
        fired.addAll(resolved);
        return fired;
    }

    /** The firing alerts, as of their last evaluation, in the order they first appeared. */
    public List<AlertEvent> active() {
        List<AlertEvent> active = new ArrayList<>();
        for (Episode episode : episodes.values()) {
            if (episode.firing) {
                active.add(episode.event(AlertEvent.State.FIRING, episode.evaluatedAtMillis));
            }
        }
        return active;
    }

    // ------------------------------------------------------------------------------------------

    private static void observeThreshold(AlertRule rule, FleetSnapshot fleet, Map<String, Observation> holding) {
        int topic = rule.topic() == null ? -1 : fleet.topics().indexOf(rule.topic());
        if (rule.kind() == AlertKind.AVERAGE && topic < 0) {
            return;
        }
        for (FleetSnapshot.Host host : fleet.ranked()) {
            double value = switch (rule.kind()) {
                case SCORE -> host.score();
                case DC_SCORE -> host.dcScore();
                default -> host.averages()[topic];
            };
            if (value > rule.threshold()) { // false for NaN: no value, no alert
                String what = rule.kind() == AlertKind.AVERAGE
                        ? rule.topic() + " average"
                        : rule.kind() == AlertKind.DC_SCORE ? "datacenter score" : "score";
                String message =
                        what + " of " + host.host() + " is " + format(value) + ", above " + format(rule.threshold());
                holding.put(
                        id(rule, host.host()),
                        new Observation(
                                rule, host.host(), host.host(), host.datacenter(), value, message, fleet.atMillis()));
            }
        }
    }

    private static void observeTopicAverage(AlertRule rule, FleetSnapshot fleet, Map<String, Observation> holding) {
        int topic = fleet.topics().indexOf(rule.topic());
        if (topic < 0) {
            return;
        }
        double sum = 0;
        int hosts = 0;
        for (FleetSnapshot.Host host : fleet.ranked()) {
            double average = host.averages()[topic];
            if (!Double.isNaN(average)) {
                sum += average;
                hosts++;
            }
        }
        double mean = hosts == 0 ? Double.NaN : sum / hosts;
        if (mean > rule.threshold()) {
            holding.put(
                    id(rule, rule.topic()),
                    new Observation(
                            rule,
                            rule.topic(),
                            null,
                            null,
                            mean,
                            rule.topic() + " average over " + hosts + " hosts is " + format(mean) + ", above "
                                    + format(rule.threshold()),
                            fleet.atMillis()));
        }
    }

    private static void observeStale(AlertRule rule, FleetSnapshot fleet, Map<String, Observation> holding) {
        for (FleetSnapshot.Stale host : fleet.stale()) {
            double silentSecs = Math.max(0, fleet.atMillis() - host.lastSeenMillis()) / 1000.0;
            holding.put(
                    id(rule, host.host()),
                    new Observation(
                            rule,
                            host.host(),
                            host.host(),
                            host.datacenter(),
                            silentSecs,
                            host.host() + " is stale: no sample for " + format(silentSecs) + " s",
                            fleet.atMillis()));
        }
    }

    private void observeTops(AlertRule rule, FleetSnapshot fleet, Map<String, Observation> holding) {
        Map<String, FleetSnapshot.Host> topOfGroup = new LinkedHashMap<>();
        for (FleetSnapshot.Host host : fleet.ranked()) {
            String group = group(host.datacenter());
            FleetSnapshot.Host top = topOfGroup.get(group);
            // ranked by fleet score; within a datacenter its own score decides when there is one
            if (top == null || host.dcScore() > top.dcScore()) {
                topOfGroup.put(group, host);
            }
        }
        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, FleetSnapshot.Host> entry : topOfGroup.entrySet()) {
            String key = id(rule, entry.getKey());
            seen.add(key);
            FleetSnapshot.Host top = entry.getValue();
            TopWatch watch = tops.computeIfAbsent(key, k -> new TopWatch(top.host()));
            if (top.host().equals(watch.established)) {
                watch.candidate = null;
                continue;
            }
            if (!top.host().equals(watch.candidate)) {
                watch.candidate = top.host();
                watch.candidateSinceMillis = fleet.atMillis();
            }
            if (fleet.atMillis() - watch.candidateSinceMillis >= rule.forMillis()) {
                String before = watch.established;
                long since = watch.candidateSinceMillis;
                watch.established = top.host();
                watch.candidate = null;
                double value = Double.isNaN(top.dcScore()) ? top.score() : top.dcScore();
                holding.put(
                        key,
                        new Observation(
                                rule,
                                entry.getKey(),
                                top.host(),
                                top.datacenter(),
                                value,
                                "top host of " + entry.getKey() + " is now " + top.host() + " (was " + before + ")",
                                since));
            }
        }
        tops.keySet().removeIf(key -> key.startsWith(rule.name() + "/") && !seen.contains(key));
    }

    private static String group(String datacenter) {
        return datacenter == null ? NO_DATACENTER : datacenter;
    }

    private static String id(AlertRule rule, String subject) {
        return rule.name() + "/" + subject;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** @param sinceMillis when the condition began, for a new episode */
    private record Observation(
            AlertRule rule,
            String subject,
            String host,
            String datacenter,
            double value,
            String message,
            long sinceMillis) {}

    private static final class TopWatch {
        String established;
        String candidate;
        long candidateSinceMillis;

        TopWatch(String established) {
            this.established = established;
        }
    }

    /** One alert's episode: waiting out {@code for}, then firing until it resolves. */
    private static final class Episode {
        final String id;
        final AlertRule rule;
        final String subject;
        final long firstSeenMillis;
        String host;
        String datacenter;
        double value;
        String message;
        long lastSeenMillis;
        long evaluatedAtMillis;
        long falseSinceMillis = -1;
        int occurrences = 1;
        boolean firing;
        boolean holding;

        Episode(String id, AlertRule rule, String subject, long firstSeenMillis) {
            this.id = id;
            this.rule = rule;
            this.subject = subject;
            this.firstSeenMillis = firstSeenMillis;
        }

        void holds(Observation seen, long now) {
            boolean cameBack = falseSinceMillis >= 0;
            boolean anotherChange = rule.kind() == AlertKind.DC_TOP_CHANGED;
            if (firing && (cameBack || anotherChange)) {
                occurrences++;
            }
            falseSinceMillis = -1;
            holding = true;
            host = seen.host;
            datacenter = seen.datacenter;
            value = seen.value;
            message = seen.message;
            lastSeenMillis = now;
            evaluatedAtMillis = now;
        }

        AlertEvent event(AlertEvent.State state, long now) {
            evaluatedAtMillis = Math.max(evaluatedAtMillis, now);
            return new AlertEvent(
                    id,
                    state,
                    rule.name(),
                    rule.kind(),
                    subject,
                    host,
                    datacenter,
                    rule.topic(),
                    rule.threshold(),
                    value,
                    firstSeenMillis,
                    lastSeenMillis,
                    occurrences,
                    holding,
                    now,
                    message);
        }
    }
}
