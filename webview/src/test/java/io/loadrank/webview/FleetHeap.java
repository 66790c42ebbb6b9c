package io.loadrank.webview;

import io.loadrank.slice.Slice;
import io.loadrank.slice.SliceKey;
import io.loadrank.slice.SliceRecordFormat;
import io.loadrank.webview.record.SkipLog;
import io.loadrank.webview.record.SliceFeed;
import io.loadrank.webview.view.FleetView;
import io.loadrank.webview.view.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The web view holding a large fleet, for its heap figure (docs/BENCHMARKS.md): {@code hosts} hosts in
 * {@code slices} slices and five topics, every slice's records written with {@link SliceRecordFormat#write} (in parts
 * where a slice needs them) and taken in through the follower's own path ({@link SliceFeed} into
 * {@link FleetView#take}), at {@code emits} emits 2 s apart so the history holds as many points as it
 * keeps. Then it prints its process id and waits, for the heap to be measured from outside:
 *
 * <pre>
 *   java -cp TEST_CLASSPATH io.loadrank.webview.FleetHeap [hosts] [slices] [emits] [max-points]
 *   java -cp bench/target/loadrank-bench.jar io.loadrank.bench.HeapAfterGc --pid PID
 * </pre>
 */
public final class FleetHeap {

    /** The five metric topics of a real fleet: the history keeps a column of each. */
    private static final List<String> TOPICS =
            List.of("cpuLoad", "memLoad", "pendingTasks", "readLatency", "writeLatency");

    private FleetHeap() {}

    public static void main(String[] args) throws InterruptedException {
        int hosts = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int sliceCount = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int emits = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        int maxPoints = args.length > 3 ? Integer.parseInt(args[3]) : 300;
        long start = System.currentTimeMillis() - emits * 2_000L;

        // one emit's records, written once; each emit changes only the ranking time in them
        List<String[]> records = new ArrayList<>();
        for (int s = 0; s < sliceCount; s++) {
            Slice slice = new Slice("prod", "dc-" + s);
            List<String> names = SliceRankings.names("cass-dc" + s + "-", hosts / sliceCount);
            List<String> values = SliceRecordFormat.write(
                    SliceRankings.ranking(slice, start, s * names.size(), names, List.of(), TOPICS));
            for (int part = 0; part < values.size(); part++) {
                records.add(new String[] {new SliceKey(slice, part).text(), values.get(part)});
            }
        }
        String startText = "\"rankedAtMillis\":" + start + ",";

        FleetView view = new FleetView("heap", 10, maxPoints, System::currentTimeMillis);
        SliceFeed feed = new SliceFeed(new SkipLog("heap", System::currentTimeMillis));
        long took = System.nanoTime();
        for (int emit = 0; emit < emits; emit++) {
            String at = "\"rankedAtMillis\":" + (start + emit * 2_000L) + ",";
            for (String[] record : records) {
                view.take(feed.accept(record[0], record[1].replace(startText, at)));
            }
        }
        took = System.nanoTime() - took;
        int shown = view.view(new Query("", 20)).hosts();
        System.out.printf(
                "%d hosts in %d slices (%d records an emit), %d emits taken in, %.0f ms an emit; %d skipped%n",
                shown, sliceCount, records.size(), emits, took / 1e6 / emits, feed.skipped());
        System.out.println("ready: pid " + ProcessHandle.current().pid());
        new CountDownLatch(1).await();
    }
}
