package io.loadrank.webview.kafka;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The refusals of one outage while the view follows its topics (a READ right taken away, say), each with the topics
 * it named, so that it is logged once and its end once. A poll without an error proves little, because the error of
 * one partition can come with the next poll; records of a refused topic prove the refusal over (a refusal naming no
 * topic, of credentials or a certificate, is over with records of any topic). Pure.
 */
final class FollowRefusals {

    private final Map<String, Set<String>> open = new LinkedHashMap<>();

    /**
     * A poll failed with {@code refusal} (one line), naming {@code topics} (empty: none).
     *
     * @return true if it is new in this outage: log it
     */
    boolean refused(String refusal, Set<String> topics) {
        return open.putIfAbsent(refusal, Set.copyOf(topics)) == null;
    }

    /**
     * A poll returned records of {@code topics}.
     *
     * @return the refusals they prove over, in the order they began (empty: nothing to log); they are forgotten
     */
    List<String> polled(Set<String> topics) {
        List<String> ended = new ArrayList<>();
        if (topics.isEmpty()) {
            return ended;
        }
        open.entrySet().removeIf(refusal -> {
            boolean over =
                    refusal.getValue().isEmpty() || refusal.getValue().stream().anyMatch(topics::contains);
            if (over) {
                ended.add(refusal.getKey());
            }
            return over;
        });
        return ended;
    }

    /** True while no refusal is open. */
    boolean isEmpty() {
        return open.isEmpty();
    }
}
