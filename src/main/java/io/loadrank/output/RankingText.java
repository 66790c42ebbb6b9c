package io.loadrank.output;

import io.loadrank.ranking.HostAverage;
import io.loadrank.ranking.TopicRanking;
import io.loadrank.scoring.GlobalRanking;
import io.loadrank.scoring.HostScore;
import io.loadrank.scoring.StaleHost;
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
        long windowSeconds = Math.round(ranking.coveredMillis() / 1000.0);
        StringBuilder out = new StringBuilder(16 + ranking.ranked().size() * 24);
        out.append('[');
        boolean first = true;
        for (HostAverage host : ranking.ranked()) {
            if (!first) {
                out.append(", ");
            }
            first = false;
            out.append('[').append(host.host()).append('|').append(Math.round(host.average()))
                    .append('|').append(windowSeconds).append(']');
        }
        return out.append("]\n").toString();
    }

    /** {@code {host=score, ...}}, highest first, then a STALE line when any host is stale. */
    public static String global(GlobalRanking ranking) {
        StringBuilder out = new StringBuilder(16 + ranking.ranked().size() * 20);
        out.append('{');
        boolean first = true;
        for (HostScore host : ranking.ranked()) {
            if (!first) {
                out.append(", ");
            }
            first = false;
            out.append(host.host()).append('=').append(Math.round(host.score()));
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
            }
            out.append("}\n");
        }
        return out.toString();
    }

    /** An instant in UTC to the second, e.g. {@code 2026-11-22T10:15:02Z}. */
    public static String isoSeconds(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
