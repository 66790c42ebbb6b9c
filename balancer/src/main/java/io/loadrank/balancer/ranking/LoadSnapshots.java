package io.loadrank.balancer.ranking;

import io.loadrank.rankingfile.RankedHost;
import io.loadrank.rankingfile.RankingFileException;
import io.loadrank.rankingfile.RankingFileReader;
import io.loadrank.rankingfile.RankingRecord;
import io.loadrank.rankingfile.StaleHost;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a record of the rankings topic, read by the shared {@link RankingFileReader#record}, into
 * the {@link LoadSnapshot} the decisions take. The balancer steers by a whole ranking or not at all:
 * a record with any entry the reader left out is refused, naming the first one.
 */
public final class LoadSnapshots {

    private LoadSnapshots() {}

    /**
     * @throws RankingFileException naming what is wrong with the record (not JSON, no
     *     {@code rankedAtMillis}, a host without a name, a negative {@code dcScore}, ...)
     */
    public static LoadSnapshot parse(String json) throws RankingFileException {
        RankingRecord record = RankingFileReader.record(json);
        if (!record.refused().isEmpty()) {
            throw new RankingFileException(record.refused().get(0));
        }
        List<HostLoad> hosts = new ArrayList<>();
        for (RankedHost host : record.ranking().hosts()) {
            hosts.add(new HostLoad(
                    host.host(),
                    host.address(),
                    host.datacenter(),
                    host.rack(),
                    normalized(host.hostId()),
                    host.score(),
                    host.dcRank() == null ? 0 : host.dcRank(),
                    host.dcScore() == null ? Double.NaN : host.dcScore(),
                    host.stale(),
                    host.incomplete()));
        }
        for (StaleHost host : record.ranking().stale()) {
            hosts.add(new HostLoad(
                    host.host(),
                    null,
                    host.datacenter(),
                    host.rack(),
                    normalized(host.hostId()),
                    Double.NaN,
                    0,
                    Double.NaN,
                    true,
                    false));
        }
        return new LoadSnapshot(record.ranking().rankedAtMillis(), hosts);
    }

    /** Host ids are UUIDs; the driver prints them in lower case, so matching uses lower case. */
    private static String normalized(String hostId) {
        return hostId == null ? null : hostId.toLowerCase(Locale.ROOT);
    }
}
