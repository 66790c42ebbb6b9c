package io.loadrank.topology;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends every host's value to its topics every half second, stamped with the current time, until
 * closed; host "D" can be silenced, and the time of its last sample is recorded.
 */
final class LiveFeed implements AutoCloseable {
    private final Thread thread;
    private final AtomicBoolean running = new AtomicBoolean(true);

    LiveFeed(
            SampleFeed feed,
            List<String> topics,
            Map<String, Double> values,
            AtomicBoolean silenceD,
            AtomicLong lastSampleOfD) {
        this(feed, sameValuesFor(topics, values), silenceD, lastSampleOfD);
    }

    /** @param values topic -> host -> the value the host reports there every half second */
    LiveFeed(
            SampleFeed feed,
            Map<String, Map<String, Double>> values,
            AtomicBoolean silenceD,
            AtomicLong lastSampleOfD) {
        thread = new Thread(
                () -> {
                    while (running.get()) {
                        long now = System.currentTimeMillis();
                        values.forEach((topic, hosts) -> hosts.forEach((host, value) -> {
                            if (host.equals("D") && silenceD.get()) {
                                return;
                            }
                            feed.sample(topic, host, value, now);
                            if (host.equals("D")) {
                                lastSampleOfD.set(now);
                            }
                        }));
                        long next = now + 500;
                        while (running.get() && System.currentTimeMillis() < next) {
                            Thread.onSpinWait();
                            Thread.yield();
                        }
                    }
                },
                "live-feed");
        thread.setDaemon(true);
        thread.start();
    }

    private static Map<String, Map<String, Double>> sameValuesFor(List<String> topics, Map<String, Double> values) {
        Map<String, Map<String, Double>> byTopic = new LinkedHashMap<>();
        topics.forEach(topic -> byTopic.put(topic, values));
        return byTopic;
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join();
    }
}
