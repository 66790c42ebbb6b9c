package io.loadrank.webview.history;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The last minutes of every host's score and metric averages, in memory, bounded whatever the
 * fleet or the emit rate (docs/WEBVIEW.md).
 *
 * <p>Time is cut into at most {@code maxPoints} slots of {@code horizon / maxPoints} each, shared by
 * all hosts: a ranking that comes within the slot of the one before replaces it, a later one opens
 * the next slot, and the oldest slot is reused. Each host holds one float per slot for its score and
 * for each topic; a slot in which the host was not ranked reads as a gap (NaN). A host that has no
 * value in any kept slot is dropped. At 10,000 hosts, 5 topics and 300 slots that is 72 MB.
 *
 * <p>Not thread-safe: the caller holds one lock for writes and reads.
 */
public final class FleetHistory {

    /** Topics beyond this many are not kept (their averages still show in the current ranking). */
    public static final int MAX_TOPICS = 16;

    private final long horizonMillis;
    private final int capacity;
    private final long slotMillis;
    private final long[] slotTimes;
    /** Sequence number of the newest slot; -1 before the first point. */
    private long newest = -1;
    /** When the newest slot began: the time of its first ranking (the slot keeps its last one's). */
    private long newestStart;

    private final List<String> topics = new ArrayList<>();
    private final Map<String, Series> hosts = new HashMap<>();

    public FleetHistory(long horizonMillis, int maxPoints) {
        if (horizonMillis <= 0 || maxPoints < 2) {
            throw new IllegalArgumentException("horizon > 0 and at least 2 points");
        }
        this.horizonMillis = horizonMillis;
        this.capacity = maxPoints;
        this.slotMillis = Math.max(1, horizonMillis / maxPoints);
        this.slotTimes = new long[maxPoints];
    }

    /** Starts the point of a ranking made at {@code atMillis}; older rankings than the newest are ignored (false). */
    public boolean begin(long atMillis) {
        if (newest >= 0) {
            long newestTime = slotTimes[index(newest)];
            if (atMillis < newestTime) {
                return false;
            }
            if (atMillis - newestStart < slotMillis) {
                slotTimes[index(newest)] = atMillis; // within the slot: this ranking replaces the one before
                return true;
            }
        }
        newest++;
        newestStart = atMillis;
        slotTimes[index(newest)] = atMillis;
        if (newest % capacity == 0) {
            hosts.values().removeIf(series -> series.last < oldest());
        }
        return true;
    }

    /** The values of one host in the point begun last; {@code averages} by topic name. */
    public void put(String host, double score, Map<String, Double> averages) {
        Series series = series(host, score);
        if (averages != null) {
            for (Map.Entry<String, Double> average : averages.entrySet()) {
                int topic = topic(average.getKey());
                if (topic >= 0 && average.getValue() != null) {
                    series.write(newest, topic + 1, average.getValue().floatValue());
                }
            }
        }
    }

    /**
     * The values of one host in the point begun last: {@code averages[i]} is the average of the topic of
     * {@code columns[i]} ({@link #columns}), NaN where it has none. No map per host: a slice of the fleet
     * is thousands of hosts at every emit.
     */
    public void put(String host, double score, int[] columns, double[] averages) {
        Series series = series(host, score);
        for (int i = 0; i < columns.length && i < averages.length; i++) {
            if (columns[i] >= 0 && !Double.isNaN(averages[i])) {
                series.write(newest, columns[i] + 1, (float) averages[i]);
            }
        }
    }

    /** The column of each of {@code topics} ({@link #topic}), in their order; -1 for one without room. */
    public int[] columns(List<String> topics) {
        int[] columns = new int[topics.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = topic(topics.get(i));
        }
        return columns;
    }

    /** The host's series with its score written in the point begun last. */
    private Series series(String host, double score) {
        if (newest < 0) {
            throw new IllegalStateException("begin first");
        }
        Series series = hosts.computeIfAbsent(host, name -> new Series());
        series.write(newest, 0, (float) score);
        series.last = newest;
        return series;
    }

    /** The topics seen so far, in the order they came. */
    public List<String> topics() {
        return List.copyOf(topics);
    }

    public int hostCount() {
        return hosts.size();
    }

    public boolean has(String host) {
        return hosts.containsKey(host);
    }

    /** The host's last {@code points} scores, oldest first, NaN for gaps; empty when unknown. */
    public float[] recentScores(String host, int points) {
        Series series = hosts.get(host);
        if (series == null || newest < 0) {
            return new float[0];
        }
        long from = Math.max(firstInHorizon(), newest - points + 1);
        float[] scores = new float[(int) (newest - from + 1)];
        for (long seq = from; seq <= newest; seq++) {
            scores[(int) (seq - from)] = series.read(seq, 0);
        }
        return scores;
    }

    /** Everything kept about one host; null when unknown. */
    public HostHistory of(String host) {
        Series series = hosts.get(host);
        if (series == null || newest < 0) {
            return null;
        }
        long from = firstInHorizon();
        int points = (int) (newest - from + 1);
        long[] times = new long[points];
        float[] scores = new float[points];
        Map<String, float[]> averages = new java.util.LinkedHashMap<>();
        for (int t = 0; t < topics.size(); t++) {
            averages.put(topics.get(t), new float[points]);
        }
        for (long seq = from; seq <= newest; seq++) {
            int i = (int) (seq - from);
            times[i] = slotTimes[index(seq)];
            scores[i] = series.read(seq, 0);
            for (int t = 0; t < topics.size(); t++) {
                averages.get(topics.get(t))[i] = series.read(seq, t + 1);
            }
        }
        return new HostHistory(host, times, scores, averages);
    }

    /** One host's history: per point its time, score and the average of each topic (NaN: none). */
    public record HostHistory(String host, long[] times, float[] scores, Map<String, float[]> averages) {}

    // ------------------------------------------------------------------------------------------

    private long oldest() {
        return Math.max(0, newest - capacity + 1);
    }

    /** The oldest kept slot that is still within the horizon of the newest. */
    private long firstInHorizon() {
        long first = oldest();
        long limit = slotTimes[index(newest)] - horizonMillis;
        while (first < newest && slotTimes[index(first)] < limit) {
            first++;
        }
        return first;
    }

    private int index(long seq) {
        return (int) (seq % capacity);
    }

    /**
     * The column of topic {@code name}, added after the topics known so far when it is new (at most
     * {@value #MAX_TOPICS}); -1 when there is no room. Callers name a ranking's topics in its order
     * first, so that the charts follow the configuration, not the order values first came in.
     */
    public int topic(String name) {
        int index = topics.indexOf(name);
        if (index < 0 && topics.size() < MAX_TOPICS) {
            topics.add(name);
            index = topics.size() - 1;
        }
        return index;
    }

    /** One host's values: per column (score, then each topic) one float per slot. */
    private final class Series {
        private final float[][] columns = new float[MAX_TOPICS + 1][];
        /** The newest slot this host has values in; older unwritten slots are gaps. */
        long last = -1;
        /** Per column, the newest slot written. */
        private final long[] written = new long[MAX_TOPICS + 1];

        Series() {
            Arrays.fill(written, -1);
        }

        void write(long seq, int column, float value) {
            float[] values = columns[column];
            if (values == null) {
                values = new float[capacity];
                Arrays.fill(values, Float.NaN);
                columns[column] = values;
            }
            // the slots this host skipped since its last write are gaps, not the values of long ago
            for (long gap = Math.max(written[column] + 1, seq - capacity + 1); gap < seq; gap++) {
                values[index(gap)] = Float.NaN;
            }
            values[index(seq)] = value;
            written[column] = seq;
        }

        float read(long seq, int column) {
            float[] values = columns[column];
            if (values == null || seq > written[column] || seq < oldest()) {
                return Float.NaN;
            }
            return values[index(seq)];
        }
    }
}
