package io.loadrank.simulator;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Shows the global ranking file (STORM_OUTPUT/GlobalRankings.json) as a table in the terminal,
 * redrawn in place whenever the topology writes a new ranking (used by scripts/demo.sh).
 *
 * <pre>
 *   java -cp loadrank-producer.jar io.loadrank.simulator.RankingView --watch STORM_OUTPUT/GlobalRankings.json
 * </pre>
 *
 * With {@code --by-datacenter} it shows every datacenter's ranking on its own, grouped; with
 * {@code --datacenter NAME} only that datacenter's (docs/DATACENTERS.md).
 *
 * The file is replaced atomically by the topology, so every read sees a whole document; a file
 * that is missing or cannot be read keeps the last good table on screen with a note.
 */
public final class RankingView {

    private static final String HOME = "\033[H";
    private static final String CLEAR_LINE = "\033[K";
    private static final String CLEAR_BELOW = "\033[J";
    private static final String CLEAR_SCREEN = "\033[H\033[2J";

    private final Path file;
    private final String title;
    private final long sinceMillis;
    private final long endsAtMillis;
    private final int top;
    private final boolean plain;
    private final Map<String, String> profiles;
    /** null: the fleet ranking; "": every datacenter, grouped; a name: that datacenter only */
    private final String datacenter;
    private final PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);

    private Map<String, Object> lastRanking;
    private long lastRankedAt = -1;
    private String problem = "";

    private RankingView(Path file, String title, long sinceMillis, long endsAtMillis, int top, boolean plain,
                        Map<String, String> profiles, String datacenter) {
        this.file = file;
        this.title = title;
        this.sinceMillis = sinceMillis;
        this.endsAtMillis = endsAtMillis;
        this.top = top;
        this.plain = plain;
        this.profiles = profiles;
        this.datacenter = datacenter;
    }

    public static void main(String[] args) {
        Map<String, String> options = new HashMap<>(Map.of("--watch", "STORM_OUTPUT/GlobalRankings.json",
                "--title", "loadrank: global ranking", "--since-millis", "0", "--ends-at-millis", "0",
                "--top", "25", "--fleet-hosts", "0", "--fleet-seed", "42", "--interval-ms", "500"));
        boolean plain = false;
        boolean once = false;
        String datacenter = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--plain")) {
                plain = true;
            } else if (arg.equals("--once")) {
                once = true;
            } else if (arg.equals("--by-datacenter")) {
                datacenter = "";
            } else if (arg.equals("--datacenter") && i + 1 < args.length
                    && io.loadrank.hostinfo.HostInfoFormat.isValidLocationName(args[i + 1])) {
                datacenter = args[++i];
            } else if (options.containsKey(arg) && i + 1 < args.length) {
                options.put(arg, args[++i]);
            } else {
                System.err.println("error: unknown option or missing value: " + arg);
                System.err.println("usage: RankingView [--watch FILE] [--once] [--plain] [--title TEXT] [--top N]"
                        + " [--by-datacenter | --datacenter NAME]"
                        + " [--since-millis EPOCH_MS] [--ends-at-millis EPOCH_MS] [--fleet-hosts N --fleet-seed S]"
                        + " [--interval-ms MS]");
                System.exit(2);
            }
        }
        Map<String, String> profiles = new HashMap<>();
        try {
            int fleetHosts = Integer.parseInt(options.get("--fleet-hosts"));
            if (fleetHosts > 0) {
                // the simulator's profiles follow from its host count and seed alone
                HostFleet.create(fleetHosts, Long.parseLong(options.get("--fleet-seed")), 1).hosts()
                        .forEach(host -> profiles.put(host.name(), host.profile().name().toLowerCase(Locale.ROOT)));
            }
            RankingView view = new RankingView(Path.of(options.get("--watch")), options.get("--title"),
                    Long.parseLong(options.get("--since-millis")), Long.parseLong(options.get("--ends-at-millis")),
                    Integer.parseInt(options.get("--top")), plain || once, profiles, datacenter);
            if (once) {
                view.poll();
                view.draw();
                return;
            }
            view.watch(Long.parseLong(options.get("--interval-ms")));
        } catch (NumberFormatException e) {
            System.err.println("error: not a number: " + e.getMessage());
            System.exit(2);
        }
    }

    /** Redraws on every new ranking (and once a second for the clocks) until the JVM is stopped. */
    private void watch(long intervalMillis) {
        if (!plain) {
            out.print(CLEAR_SCREEN);
        }
        long lastDraw = 0;
        while (!Thread.currentThread().isInterrupted()) {
            boolean changed = poll();
            long now = System.currentTimeMillis();
            // plain output (a log file) gets one table per ranking; a terminal also refreshes its clocks
            if (changed || (!plain && now - lastDraw >= 1000)) {
                draw();
                lastDraw = now;
            }
            LockSupport.parkNanos(intervalMillis * 1_000_000L);
        }
    }

    /** Reads the file; true if it holds a ranking newer than the one on screen. */
    private boolean poll() {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Object parsed = MiniJson.parse(text);
            if (!(parsed instanceof Map<?, ?>)) {
                problem = file + " is not a JSON object";
                return false;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> ranking = (Map<String, Object>) parsed;
            long rankedAt = RankingTable.rankedAtMillis(ranking);
            problem = "";
            if (rankedAt < sinceMillis || rankedAt == lastRankedAt) {
                return false;
            }
            lastRanking = ranking;
            lastRankedAt = rankedAt;
            return true;
        } catch (NoSuchFileException e) {
            problem = "";
            return false;
        } catch (IOException | IllegalArgumentException e) {
            problem = "cannot read " + file + ": " + e.getMessage();
            return false;
        }
    }

    private void draw() {
        long now = System.currentTimeMillis();
        StringBuilder screen = new StringBuilder();
        String remaining = endsAtMillis > 0 ? String.format(Locale.ROOT, " · stops in %d s",
                Math.max(0, (endsAtMillis - now + 999) / 1000)) : "";
        line(screen, title + remaining);
        if (lastRanking == null) {
            line(screen, "");
            long waited = sinceMillis > 0 ? (now - sinceMillis) / 1000 : 0;
            line(screen, "waiting for the first ranking in " + file + (sinceMillis > 0 ? " (" + waited + " s)" : "") + " ...");
        } else {
            List<String> lines = datacenter == null ? RankingTable.render(lastRanking, now, profiles, top)
                    : datacenter.isEmpty() ? RankingTable.renderByDatacenter(lastRanking, now, profiles, top)
                    : RankingTable.renderDatacenter(lastRanking, datacenter, now, profiles, top);
            for (String text : lines) {
                line(screen, text);
            }
        }
        if (!problem.isEmpty()) {
            line(screen, "");
            line(screen, "note: " + problem);
        }
        if (plain) {
            screen.append('\n');
            out.print(screen);
        } else {
            out.print(HOME + screen + CLEAR_BELOW);
        }
        out.flush();
    }

    private void line(StringBuilder screen, String text) {
        screen.append(text);
        if (!plain) {
            screen.append(CLEAR_LINE);
        }
        screen.append('\n');
    }

    @Override
    public String toString() {
        return "RankingView[" + file + ", last ranking " + (lastRankedAt < 0 ? "none" : Instant.ofEpochMilli(lastRankedAt)) + "]";
    }
}
