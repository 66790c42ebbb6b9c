package io.loadrank.simulator;

import io.loadrank.cli.Cli;
import io.loadrank.cli.LoadrankVersion;
import io.loadrank.cli.OptionValues;
import io.loadrank.cli.UsageException;
import io.loadrank.hostinfo.HostInfoFormat;
import io.loadrank.rankingfile.GlobalRankingFile;
import io.loadrank.rankingfile.RankingFileException;
import io.loadrank.rankingfile.RankingFileReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Shows the global ranking file (STORM_OUTPUT/GlobalRankings.json) as a table in the terminal,
 * redrawn in place whenever the topology writes a new ranking (used by scripts/demo.sh).
 *
 * <pre>
 *   java -cp loadrank-simulator.jar io.loadrank.simulator.RankingView --watch STORM_OUTPUT/GlobalRankings.json
 * </pre>
 *
 * With {@code --by-datacenter} it shows every datacenter's ranking on its own, grouped; with
 * {@code --datacenter NAME} only that datacenter's (docs/DATACENTERS.md).
 *
 * The file is replaced atomically by the topology, so every read sees a whole document; a file
 * that is missing, cut short or not a ranking keeps the last good table on screen with a note.
 */
@Command(
        name = "RankingView",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        versionProvider = LoadrankVersion.class,
        usageHelpAutoWidth = true,
        description = "Shows the global ranking file as a table, redrawn whenever the topology writes a new ranking.")
public final class RankingView implements Callable<Integer> {

    private static final String HOME = "\033[H";
    private static final String CLEAR_LINE = "\033[K";
    private static final String CLEAR_BELOW = "\033[J";
    private static final String CLEAR_SCREEN = "\033[H\033[2J";

    @Option(
            names = "--watch",
            paramLabel = "FILE",
            defaultValue = "STORM_OUTPUT/GlobalRankings.json",
            description = "the global ranking file to show (default: ${DEFAULT-VALUE})")
    Path file;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "FILE",
            description = "the same as --watch FILE (RankingView --once FILE)")
    Path fileParameter;

    @Option(names = "--once", description = "show the ranking there is now, as plain text, and exit")
    boolean once;

    @Option(names = "--plain", description = "no terminal control codes: one table per new ranking (for a log file)")
    boolean plain;

    @Option(
            names = "--title",
            paramLabel = "TEXT",
            defaultValue = "loadrank: global ranking",
            description = "the first line (default: ${DEFAULT-VALUE})")
    String title;

    @Option(
            names = "--top",
            paramLabel = "N",
            defaultValue = "25",
            description = "list at most this many ranked hosts (default: ${DEFAULT-VALUE})")
    long top;

    @Option(
            names = "--since-millis",
            paramLabel = "EPOCH_MS",
            defaultValue = "0",
            description = "ignore rankings made before this time; 0 = show any (default: ${DEFAULT-VALUE})")
    long sinceMillis;

    @Option(
            names = "--ends-at-millis",
            paramLabel = "EPOCH_MS",
            defaultValue = "0",
            description = "count down to this time in the title; 0 = no countdown (default: ${DEFAULT-VALUE})")
    long endsAtMillis;

    @Option(
            names = "--fleet-hosts",
            paramLabel = "N",
            defaultValue = "0",
            description = "the host simulator's --hosts, to show each host's load profile; 0 = no profile column "
                    + "(default: ${DEFAULT-VALUE})")
    long fleetHosts;

    @Option(
            names = "--fleet-seed",
            paramLabel = "N",
            defaultValue = "42",
            description = "the host simulator's --seed (default: ${DEFAULT-VALUE})")
    long fleetSeed;

    @Option(
            names = "--by-datacenter",
            description = "every datacenter's ranking on its own, grouped: ranks and " + "scores within the datacenter")
    boolean byDatacenter;

    @Option(
            names = "--datacenter",
            paramLabel = "NAME",
            description = "only this datacenter's ranking: ranks and scores within it")
    String datacenter;

    @Option(
            names = "--interval-ms",
            paramLabel = "MS",
            defaultValue = "500",
            description = "how often to look at the file, 1-60000 (default: ${DEFAULT-VALUE})")
    long intervalMillis;

    @Spec
    CommandSpec spec;

    private final PrintStream out;
    private final Map<String, String> profiles = new HashMap<>();

    private GlobalRankingFile lastRanking;
    private long lastRankedAt = -1;
    private String problem = "";

    public RankingView() {
        this(new PrintStream(System.out, false, StandardCharsets.UTF_8));
    }

    RankingView(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        int code = Cli.execute(new RankingView(), args);
        if (code != 0) {
            System.exit(code);
        }
    }

    @Override
    public Integer call() {
        OptionValues.inRange("--top", top, 1, Integer.MAX_VALUE);
        OptionValues.inRange("--fleet-hosts", fleetHosts, 0, 10_000_000);
        OptionValues.inRange("--interval-ms", intervalMillis, 1, 60_000);
        if (datacenter != null && !HostInfoFormat.isValidLocationName(datacenter)) {
            throw UsageException.invalidValue(
                    "--datacenter", datacenter, "a datacenter name: 1-64 of letters, digits, '.', '-', '_'");
        }
        if (byDatacenter && datacenter != null) {
            throw new UsageException("--by-datacenter and --datacenter exclude each other: give one of them");
        }
        if (fileParameter != null) {
            if (spec.commandLine().getParseResult().hasMatchedOption("--watch")) {
                throw new UsageException("two files, --watch " + file + " and " + fileParameter + ": give one of them");
            }
            file = fileParameter;
        }
        plain |= once;
        if (fleetHosts > 0) {
            // the simulator's profiles follow from its host count and seed alone
            HostFleet.create((int) fleetHosts, fleetSeed, 1)
                    .hosts()
                    .forEach(host ->
                            profiles.put(host.name(), host.profile().name().toLowerCase(Locale.ROOT)));
        }
        if (once) {
            poll();
            draw();
            return Cli.EXIT_OK;
        }
        watch(intervalMillis);
        return Cli.EXIT_OK;
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
    boolean poll() {
        try {
            GlobalRankingFile ranking = RankingFileReader.global(file);
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
        } catch (RankingFileException e) {
            problem = e.getMessage();
            return false;
        } catch (IOException e) {
            problem = "cannot read " + file + ": " + e.getMessage();
            return false;
        }
    }

    void draw() {
        long now = System.currentTimeMillis();
        StringBuilder screen = new StringBuilder();
        String remaining = endsAtMillis > 0
                ? String.format(Locale.ROOT, " · stops in %d s", Math.max(0, (endsAtMillis - now + 999) / 1000))
                : "";
        line(screen, title + remaining);
        if (lastRanking == null) {
            line(screen, "");
            long waited = sinceMillis > 0 ? (now - sinceMillis) / 1000 : 0;
            line(
                    screen,
                    "waiting for the first ranking in " + file + (sinceMillis > 0 ? " (" + waited + " s)" : "")
                            + " ...");
        } else {
            List<String> lines = datacenter != null
                    ? RankingTable.renderDatacenter(lastRanking, datacenter, now, profiles, (int) top)
                    : byDatacenter
                            ? RankingTable.renderByDatacenter(lastRanking, now, profiles, (int) top)
                            : RankingTable.render(lastRanking, now, profiles, (int) top);
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
        return "RankingView[" + file + ", last ranking "
                + (lastRankedAt < 0 ? "none" : Instant.ofEpochMilli(lastRankedAt)) + "]";
    }
}
