package io.loadrank.output;

import io.loadrank.ranking.HostAverage;
import io.loadrank.ranking.TopicRanking;
import io.loadrank.scoring.GlobalRanking;
import io.loadrank.scoring.HostScore;
import io.loadrank.scoring.StaleHost;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The text files of the original design (SPEC section 4), which operators and scripts already
 * parse, so their format is kept exactly:
 *
 * <pre>
 *   cpuLoad.txt          [[cass-eu-1|55|60], [cass-uk-1|37|60], [cass-fi-1|26|60]]
 *   GlobalRankings.txt   {C=41, A=34, B=24}
 *                        STALE: {D=lastSeen 2026-11-22T10:15:02Z}
 * </pre>
 *
 * Host names cannot break the format: the wire format only admits letters, digits and {@code .-_:}.
 */
public final class RankingText {

    private RankingText() {
    }

    /** {@code [[host|average|windowSeconds], ...]}, most loaded first, averages rounded to integers. */
    public static String topic(TopicRanking ranking) {
        return text(out -> writeTopic(ranking, out));
    }

    /** Writes {@link #topic}'s text to {@code target}. */
    public static void writeTopic(TopicRanking ranking, Writer target) throws IOException {
        long windowSeconds = Math.round(ranking.coveredMillis() / 1000.0);
        try (Chunks out = new Chunks(target)) {
            out.append('[');
            boolean first = true;
            for (HostAverage host : ranking.ranked()) {
                if (!first) {
                    out.append(", ");
                }
                first = false;
                out.append('[').append(host.host()).append('|').append(Math.round(host.average()))
                        .append('|').append(windowSeconds).append(']');
                out.passOnWhenFull();
            }
            out.append("]\n");
        }
    }

    /** {@code {host=score, ...}}, highest first, then a STALE line when any host is stale. */
    public static String global(GlobalRanking ranking) {
        return text(out -> writeGlobal(ranking, out));
    }

    /** Writes {@link #global}'s text to {@code target}. */
    public static void writeGlobal(GlobalRanking ranking, Writer target) throws IOException {
        try (Chunks out = new Chunks(target)) {
            appendGlobal(ranking, out);
        }
    }

    private static void appendGlobal(GlobalRanking ranking, Chunks out) throws IOException {
        out.append('{');
        boolean first = true;
        for (HostScore host : ranking.ranked()) {
            if (!first) {
                out.append(", ");
            }
            first = false;
            out.append(host.host()).append('=').append(Math.round(host.score()));
            out.passOnWhenFull();
        }
        out.append("}\n");
        if (!ranking.stale().isEmpty()) {
            out.append("STALE: {");
            first = true;
            for (StaleHost host : ranking.stale()) {
                if (!first) {
                    out.append(", ");
                }
                first = false;
                out.append(host.host()).append("=lastSeen ").append(isoSeconds(host.lastSeenMillis()));
                out.passOnWhenFull();
            }
            out.append("}\n");
        }
    }

    /**
     * Text built in a reusable 64 KiB piece and passed on to the writer piece by piece: at 100,000
     * hosts one string of the whole file was copied three times as it grew (a profile's
     * {@code Arrays.copyOf}).
     */
    private static final class Chunks implements AutoCloseable {
        private static final int PIECE = 1 << 16;

        private final Writer target;
        private final StringBuilder piece = new StringBuilder(PIECE + 256);

        Chunks(Writer target) {
            this.target = target;
        }

        Chunks append(char c) {
            piece.append(c);
            return this;
        }

        Chunks append(String text) {
            piece.append(text);
            return this;
        }

        Chunks append(long number) {
            piece.append(number);
            return this;
        }

        void passOnWhenFull() throws IOException {
            if (piece.length() >= PIECE) {
                passOn();
            }
        }

        private void passOn() throws IOException {
            target.append(piece);
            piece.setLength(0);
        }

        @Override
        public void close() throws IOException {
            passOn();
        }
    }

    private static String text(AtomicFiles.Content content) {
        StringWriter out = new StringWriter();
        try {
            content.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        return out.toString();
    }

    /** An instant in UTC to the second, e.g. {@code 2026-11-22T10:15:02Z}. */
    public static String isoSeconds(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
