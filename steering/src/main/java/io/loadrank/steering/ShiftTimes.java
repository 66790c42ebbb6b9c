package io.loadrank.steering;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Predicate;

/**
 * How fast a policy moves its requests off a node that turns hot, and back onto it once it has
 * recovered, read from the per-second requests of each node in {@code timeseries.csv}.
 *
 * <ul>
 *   <li><b>Off</b>: seconds from the moment a node turns hot to the first second from which its share
 *       of the policy's requests stays below {@link #OFF_SHARE} for {@link #STEADY_SECONDS} seconds.
 *   <li><b>Back</b> (S5, where the cut moves on after each period): seconds from the moment the node
 *       is no longer hot to the first second from which its share stays at or above {@link #BACK_SHARE}
 *       of an even share for {@link #STEADY_SECONDS} seconds.
 * </ul>
 *
 * A share is counted only in a second with at least {@link #MIN_REQUESTS} answers, so that a second
 * the load thread stalled in says nothing. Pure.
 */
final class ShiftTimes {

    /** Below this share of a second's requests a node counts as moved off. */
    static final double OFF_SHARE = 0.05;
    /** At or above this fraction of an even share (1 / nodes) a node counts as back. */
    static final double BACK_SHARE = 0.5;
    /** How many seconds in a row a share must hold, so that one lucky second does not count. */
    static final int STEADY_SECONDS = 3;

    static final int MIN_REQUESTS = 5;

    private ShiftTimes() {}

    /**
     * Seconds from {@code fromSecond} until {@code node}'s share stays below {@link #OFF_SHARE}, or empty if
     * it never does before {@code untilSecond} (exclusive).
     *
     * @param perSecond one row per second: answers per node, node 1 at index 0
     */
    static OptionalInt off(List<long[]> perSecond, int node, int fromSecond, int untilSecond) {
        return firstSteady(perSecond, fromSecond, untilSecond, second -> share(second, node) < OFF_SHARE);
    }

    /** Seconds from {@code fromSecond} until {@code node}'s share stays at or above half an even share. */
    static OptionalInt back(List<long[]> perSecond, int node, int fromSecond, int untilSecond) {
        return firstSteady(perSecond, fromSecond, untilSecond, second -> {
            double even = 1.0 / second.length;
            return share(second, node) >= BACK_SHARE * even;
        });
    }

    private static OptionalInt firstSteady(
            List<long[]> perSecond, int fromSecond, int untilSecond, Predicate<long[]> holds) {
        int end = Math.min(untilSecond, perSecond.size());
        int steady = 0;
        int steadyFrom = -1;
        for (int s = fromSecond; s < end; s++) {
            long[] second = perSecond.get(s);
            if (total(second) < MIN_REQUESTS) {
                continue; // says nothing either way
            }
            if (!holds.test(second)) {
                steady = 0;
                continue;
            }
            if (steady++ == 0) {
                steadyFrom = s;
            }
            if (steady == STEADY_SECONDS) {
                return OptionalInt.of(steadyFrom - fromSecond);
            }
        }
        return OptionalInt.empty();
    }

    private static double share(long[] second, int node) {
        long total = total(second);
        return total == 0 ? 0 : (double) second[node - 1] / total;
    }

    private static long total(long[] second) {
        long sum = 0;
        for (long count : second) {
            sum += count;
        }
        return sum;
    }

    /** One phase's series of one policy and run, as read from timeseries.csv. */
    record Phase(String scenario, String policy, int run, List<long[]> perSecond) {}

    /**
     * Reads timeseries.csv: {@code scenario,policy,run,second,node1..nodeN,other,p99_ms}, a phase's
     * seconds counted from its start.
     */
    static List<Phase> read(List<String> lines, int nodes) {
        Map<String, Phase> phases = new LinkedHashMap<>();
        for (String line : lines) {
            String[] f = line.split(",");
            if (f.length != 4 + nodes + 2 || !f[3].matches("[0-9]{1,6}")) {
                continue; // a header or a line of another layout
            }
            Phase phase = phases.computeIfAbsent(
                    f[0] + ',' + f[1] + ',' + f[2],
                    k -> new Phase(f[0], f[1], Integer.parseInt(f[2]), new ArrayList<>()));
            int secondOfPhase = Integer.parseInt(f[3]);
            while (phase.perSecond().size() <= secondOfPhase) {
                phase.perSecond().add(new long[nodes]); // a second without answers
            }
            long[] counts = phase.perSecond().get(secondOfPhase);
            for (int i = 0; i < nodes; i++) {
                counts[i] = Long.parseLong(f[4 + i]);
            }
        }
        return new ArrayList<>(phases.values());
    }

    /**
     * The Markdown table: per scenario with a hot node and per policy, the median over runs of the
     * seconds to move off the hot node (and, in S5, back onto the one that recovered), with how many
     * runs got there.
     */
    static String markdown(List<Phase> phases, int hotNode, int nodes, int rotationSeconds) {
        Map<String, List<Integer>> offs = new LinkedHashMap<>();
        Map<String, List<Integer>> backs = new LinkedHashMap<>();
        Map<String, Integer> runs = new LinkedHashMap<>();
        for (Phase phase : phases) {
            if (phase.scenario().equals("S0")) {
                continue;
            }
            String key = phase.scenario() + " | " + phase.policy();
            runs.merge(key, 1, Integer::sum);
            List<Integer> off = offs.computeIfAbsent(key, k -> new ArrayList<>());
            List<Integer> back = backs.computeIfAbsent(key, k -> new ArrayList<>());
            boolean rotates = phase.scenario().equals("S5");
            int until = rotates ? rotationSeconds : phase.perSecond().size();
            off(phase.perSecond(), hotNode, 0, until).ifPresent(off::add);
            if (rotates) {
                int next = hotNode % nodes + 1;
                off(phase.perSecond(), next, rotationSeconds, phase.perSecond().size())
                        .ifPresent(off::add);
                back(
                                phase.perSecond(),
                                hotNode,
                                rotationSeconds,
                                phase.perSecond().size())
                        .ifPresent(back::add);
            }
        }
        StringBuilder md = new StringBuilder();
        md.append("| scenario | policy | runs | s to move off the hot node (median, times it did) |"
                + " s to come back to a recovered node (S5) |\n");
        md.append("|---|---|---|---|---|\n");
        for (String key : offs.keySet()) {
            int expected = runs.get(key) * (key.startsWith("S5") ? 2 : 1);
            md.append("| ")
                    .append(key)
                    .append(" | ")
                    .append(runs.get(key))
                    .append(" | ")
                    .append(summary(offs.get(key), expected))
                    .append(" | ")
                    .append(key.startsWith("S5") ? summary(backs.get(key), runs.get(key)) : "–")
                    .append(" |\n");
        }
        return md.toString();
    }

    private static String summary(List<Integer> seconds, int expected) {
        if (seconds.isEmpty()) {
            return "never (0 of " + expected + ")";
        }
        int[] sorted = seconds.stream().mapToInt(Integer::intValue).sorted().toArray();
        double median = sorted.length % 2 == 1
                ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2.0;
        return String.format(Locale.ROOT, "%s (%d of %d)", trim(median), sorted.length, expected);
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    /**
     * {@code java -cp loadrank-steering.jar io.loadrank.steering.ShiftTimes DIR [HOT_NODE [ROTATION_SECONDS]]}:
     * the table for a results directory of scripts/bench-steering.sh (three nodes).
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 3) {
            System.err.println("usage: ShiftTimes RESULTS_DIR [HOT_NODE (default 3) [ROTATION_SECONDS (default 60)]]");
            System.exit(2);
        }
        int nodes = 3;
        int hot = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int rotation = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        List<String> lines = Files.readAllLines(Path.of(args[0]).resolve("timeseries.csv"), StandardCharsets.UTF_8);
        System.out.print(markdown(read(lines, nodes), hot, nodes, rotation));
    }
}
