package io.loadrank.webview.kafka;

import io.loadrank.log.OutageTracker;
import java.util.List;
import java.util.Set;

/**
 * The refusals of one outage of Kafka refusing the view (a READ right taken away, credentials, a
 * certificate), each with the topics it named, so that each is logged once and its end once
 * ({@link OutageTracker} keeps the outage). What this adds is what proves a refusal over: a poll without
 * an error proves little, because the error of one partition can come with the next poll; an answer for a
 * refused topic (its records, or its partitions found) proves the refusal over (a refusal naming no topic,
 * of credentials or a certificate, is over with an answer for any topic). Thread-safe.
 */
final class FollowRefusals {

    /** One refusal: its line and the topics it names (empty: none). */
    private record Refusal(String line, Set<String> topics) {

        Refusal {
            topics = Set.copyOf(topics);
        }

        boolean provenOverBy(Set<String> polled) {
            return topics.isEmpty() || topics.stream().anyMatch(polled::contains);
        }
    }

    private final OutageTracker<Refusal> open = new OutageTracker<>();

    /**
     * A poll failed with {@code refusal} (one line), naming {@code topics} (empty: none).
     *
     * @return true if it is new in this outage: log it
     */
    boolean refused(String refusal, Set<String> topics) {
        return open.failed(new Refusal(refusal, topics), System.currentTimeMillis())
                .newKey();
    }

    /**
     * Kafka answered for {@code topics}: a poll returned their records, or their partitions were found.
     *
     * @return the refusals they prove over, in the order they began (empty: nothing to log); they are forgotten
     */
    List<String> answered(Set<String> topics) {
        if (topics.isEmpty()) {
            return List.of();
        }
        return lines(open.recovered(refusal -> refusal.provenOverBy(topics), System.currentTimeMillis()));
    }

    /** True while no refusal is open. */
    boolean isEmpty() {
        return !open.ongoing();
    }

    private static List<String> lines(OutageTracker.Recovery<Refusal> recovery) {
        return recovery.keys().stream().map(Refusal::line).toList();
    }
}
