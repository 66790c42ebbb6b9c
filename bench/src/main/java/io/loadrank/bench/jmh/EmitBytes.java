package io.loadrank.bench.jmh;

import io.loadrank.output.RankingJson;
import io.loadrank.output.RankingText;
import io.loadrank.output.SliceRecordPlan;
import io.loadrank.output.SliceRecords;
import io.loadrank.ranking.TopicRanking;
import io.loadrank.scoring.GlobalRanking;
import io.loadrank.scoring.SliceScores;
import io.loadrank.slice.SliceRecordFormat;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bytes of one emit's output at a fleet size, per file kind and per ranked host: every file the
 * topology writes (five topic pairs, the fleet pair, a pair per slice) and the records of the rankings
 * topic, made by the topology's own writers from the benchmarks' fleet (10 datacenters, host info for
 * every host). {@code java -cp bench/target/loadrank-bench.jar io.loadrank.bench.jmh.EmitBytes 100000}
 * (docs/BENCHMARKS.md).
 */
public final class EmitBytes {

    private EmitBytes() {}

    public static void main(String[] args) throws IOException {
        int hosts = args.length > 0 ? Integer.parseInt(args[0]) : Integer.parseInt(Fleet.DEFAULT_HOSTS);
        Map<String, Long> bytes = measure(hosts);
        long files = 0;
        for (Map.Entry<String, Long> kind : bytes.entrySet()) {
            System.out.printf(
                    "%-34s %,14d bytes  %8.1f bytes/host%n",
                    kind.getKey(), kind.getValue(), kind.getValue() / (double) hosts);
            if (!kind.getKey().startsWith("rankings topic")) {
                files += kind.getValue();
            }
        }
        System.out.printf(
                "%-34s %,14d bytes  %8.1f bytes/host%n", "all files of one emit", files, files / (double) hosts);
    }

    /** Bytes per kind of output for a fleet of {@code hosts}, in the order they are written. */
    static Map<String, Long> measure(int hosts) throws IOException {
        String[] names = Fleet.hostNames(hosts);
        Map<String, TopicRanking> rankings = Fleet.topicRankings(names);
        GlobalRanking ranking = Fleet.scorer().score(rankings, Fleet.now(), Fleet.hostInfo(names));
        Map<String, Long> bytes = new LinkedHashMap<>();
        CountingWriter topicText = new CountingWriter();
        CountingWriter topicJson = new CountingWriter();
        for (TopicRanking topic : rankings.values()) {
            RankingText.writeTopic(topic, topicText);
            RankingJson.writeTopic(topic, Fleet.WINDOW_MILLIS, topicJson);
        }
        bytes.put("<topic>.txt (5)", topicText.chars());
        bytes.put("<topic>.json (5)", topicJson.chars());
        CountingWriter globalText = new CountingWriter();
        RankingText.writeGlobal(ranking, globalText);
        bytes.put("GlobalRankings.txt", globalText.chars());
        CountingWriter globalJson = new CountingWriter();
        RankingJson.writeGlobal(ranking, globalJson);
        bytes.put("GlobalRankings.json", globalJson.chars());
        List<SliceRecordFormat.Rendered> slices =
                SliceRecordFormat.render(SliceRecords.of(ranking, (int) (Fleet.WINDOW_MILLIS / 1000), 2));
        CountingWriter sliceText = new CountingWriter();
        long sliceJson = 0;
        for (int i = 0; i < slices.size(); i++) {
            SliceScores slice = ranking.slices().get(i);
            if (!slice.slice().unplaced()) {
                RankingText.writeSlice(slice, sliceText);
                sliceJson += slices.get(i).whole().length();
            }
        }
        bytes.put("GlobalRankings-<slice>.txt", sliceText.chars());
        bytes.put("GlobalRankings-<slice>.json", sliceJson);
        long records = 0;
        int count = 0;
        for (SliceRecordPlan.KeyedValue record : new SliceRecordPlan().records(slices)) {
            records += record.key().length()
                    + (record.value() == null ? 0 : record.value().length());
            count++;
        }
        bytes.put("rankings topic (" + count + " records)", records);
        return bytes;
    }
}
