package io.loadrank.output;

import io.loadrank.ranking.TopicRanking;
import io.loadrank.scoring.GlobalRanking;
import io.loadrank.scoring.HostLastSeen;
import io.loadrank.scoring.HostScore;
import io.loadrank.scoring.SliceScores;
import io.loadrank.slice.Decimals;
import io.loadrank.window.HostAverage;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * The text files of the original design (docs/OUTPUT.md), which operators and scripts already
 * parse, so their format is kept exactly:
 *
 * <pre>
 *   cpuLoad.txt          [[cass-eu-1|55|60], [cass-uk-1|37|60], [cass-fi-1|26|60]]
 *   GlobalRankings.txt   {C=41, A=34, B=24}
 *                        STALE: {D=lastSeen 2026-11-22T10:15:02Z}
 *   GlobalRankings-north.txt  {C=54, A=46}      (the same format, scores within the slice)
 * </pre>
 *
 * <p>A score is a share of 100, so among more than 100 hosts it is below 1 and a whole number says
 * nothing ({@code {a=0, b=0, ...}} at 12,000 hosts). Up to {@value #WHOLE_SCORES_UP_TO} hosts the
 * scores stay whole numbers, as in the original format and every worked example; above, each score
 * carries the decimals that show about {@value #MEAN_DIGITS} significant digits of the mean score
 * ({@code 0.00833} at 12,000 hosts).
 *
 * Host names cannot break the format: the wire format only admits letters, digits and {@code .-_:}.
 */
public final class RankingText {

    /** The most hosts whose scores are written as whole numbers. */
    static final int WHOLE_SCORES_UP_TO = 100;
    /** Significant digits of the mean score that the decimals show above that. */
    static final int MEAN_DIGITS = 3;

    private RankingText() {}

    /** Decimals of the scores of {@code hosts} ranked hosts whose scores add up to {@code total}. */
    static int scoreDecimals(int hosts, double total) {
        return hosts <= WHOLE_SCORES_UP_TO ? 0 : Decimals.decimalsFor(total / hosts, MEAN_DIGITS);
    }

    /** {@code [[host|average|windowSeconds], ...]}, most loaded first, averages rounded to integers. */
    public static String topic(TopicRanking ranking) {
        return text(out -> writeTopic(ranking, out));
    }

    /** Writes {@link #topic}'s text to {@code target}. */
    public static void writeTopic(TopicRanking ranking, Writer target) throws IOException {
        long windowSeconds = Math.round(ranking.coveredMillis() / 1000.0);
        // through the JSON files' buffer: one string of the whole file, at 100,000 hosts, was
        // copied three times as it grew (a profile's Arrays.copyOf)
        BlockWriter out = new BlockWriter(target);
        out.write('[');
        boolean first = true;
        for (HostAverage host : ranking.ranked()) {
            if (!first) {
                out.write(", ");
            }
            first = false;
            out.write('[');
            out.write(host.host());
            out.write('|');
            out.number(Math.round(host.average()));
            out.write('|');
            out.number(windowSeconds);
            out.write(']');
        }
        out.write("]\n");
        out.flush();
    }

    /** {@code {host=score, ...}}, highest first, then a STALE line when any host is stale. */
    public static String global(GlobalRanking ranking) {
        return text(out -> writeGlobal(ranking, out));
    }

    /** Writes {@link #global}'s text to {@code target}. */
    public static void writeGlobal(GlobalRanking ranking, Writer target) throws IOException {
        writeScores(ranking.ranked(), false, ranking.stale(), target);
    }

    /**
     * {@code GlobalRankings-<slice>.txt}: the same format as {@link #global}, with each host's score
     * within its slice, e.g. {@code {C=54, A=46}} (docs/DATACENTERS.md).
     */
    public static String slice(SliceScores ranking) {
        return text(out -> writeSlice(ranking, out));
    }

    /** Writes {@link #slice}'s text to {@code target}. */
    public static void writeSlice(SliceScores ranking, Writer target) throws IOException {
        writeScores(ranking.ranked(), true, ranking.stale(), target);
    }

    private static void writeScores(
            List<HostScore> ranked, boolean sliceScores, List<HostLastSeen> stale, Writer target) throws IOException {
        BlockWriter out = new BlockWriter(target);
        double total = 0;
        for (HostScore host : ranked) {
            total += sliceScores ? host.dcScore() : host.score();
        }
        int decimals = scoreDecimals(ranked.size(), total);
        out.write('{');
        boolean first = true;
        for (HostScore host : ranked) {
            if (!first) {
                out.write(", ");
            }
            first = false;
            out.write(host.host());
            out.write('=');
            double score = sliceScores ? host.dcScore() : host.score();
            if (decimals == 0) {
                out.number(Math.round(score));
            } else {
                out.write(Decimals.fixed(score, decimals));
            }
        }
        out.write("}\n");
        if (!stale.isEmpty()) {
            out.write("STALE: {");
            first = true;
            for (HostLastSeen host : stale) {
                if (!first) {
                    out.write(", ");
                }
                first = false;
                out.write(host.host());
                out.write("=lastSeen ");
                out.instant(Math.floorDiv(host.lastSeenMillis(), 1000) * 1000);
            }
            out.write("}\n");
        }
        out.flush();
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
}
