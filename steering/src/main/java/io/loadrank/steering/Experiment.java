package io.loadrank.steering;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.config.ProgrammaticDriverConfigLoaderBuilder;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import io.loadrank.balancer.LoadAwareLoadBalancingPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The experiment: one driver session per policy, all sending the same workload at the same rate at the
 * same time (a paired design: every policy meets the same moments of the cluster, so the machine's
 * noise cancels in the ratio to the baseline); scenarios in rounds, each round one run of every
 * scenario. Writes steering.csv, timeseries.csv, report.md and the plots into the output directory.
 */
final class Experiment {

    private static final Logger LOG = LoggerFactory.getLogger(Experiment.class);

    /** How long the answers still in flight at a phase's end are waited for. */
    private static final Duration DRAIN = Duration.ofSeconds(10);

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private static final Duration CONNECTION_PATIENCE = Duration.ofSeconds(30);

    private static final Duration FIRST_RANKING = Duration.ofMinutes(4);

    private final ExperimentSettings settings;
    private final Workload workload;
    /** Calls of {@link #pump}, which turn the order the policies send in. */
    private int pumps;

    /** Each session's statements, prepared once: a prepare per phase would be a query the phase waits on. */
    private final Map<CqlSession, Workload.Statements> senders = new java.util.HashMap<>();

    Experiment(ExperimentSettings settings) {
        this.settings = settings;
        this.workload = new Workload(settings.contactPoints(), settings.keys());
    }

    /** Runs every phase and writes the results; returns the rows of steering.csv. */
    List<ResultRow> run() throws IOException, InterruptedException {
        Files.createDirectories(settings.out());
        List<ResultRow> rows = new ArrayList<>();
        List<String> series = new ArrayList<>();
        series.add(seriesHeader());
        Map<String, Map<String, List<RunAccounting.SecondResult>>> firstHotRuns = new LinkedHashMap<>();
        Map<Policy, CqlSession> sessions = new LinkedHashMap<>();
        senders.clear();
        try (CqlSession setup = session(Policy.BASELINE);
                ClusterConditions conditions = new ClusterConditions(
                        settings.cgroups(),
                        settings.cpuLimit(),
                        settings.hotCpuLimit(),
                        settings.jmxPorts(),
                        setup,
                        workload,
                        settings.floodInFlight());
                RankingFreezer freezer = settings.policies().contains(Policy.LOADRANK_FROZEN)
                        ? new RankingFreezer(settings.bootstrapServers(), settings.topic(), settings.frozenTopic())
                        : null) {
            conditions.setPeriods();
            conditions.resetLimits();
            LOG.info("writing {} keys (replication factor {}) ...", settings.keys(), settings.replication());
            workload.prepareData(setup, settings.replication());
            if (settings.scenarios().contains(Scenario.S3)) {
                fillBacklog(setup);
            }
            for (Policy policy : settings.policies()) {
                sessions.put(policy, session(policy));
            }
            if (sessions.containsKey(Policy.LOADRANK)) {
                awaitFirstRanking(sessions.get(Policy.LOADRANK));
            }
            LOG.info("warm-up, {} s (not counted) ...", settings.warmUp().toSeconds());
            phase(sessions, settings.warmUp(), conditions);
            for (int run = 1; run <= settings.runs(); run++) {
                for (Scenario scenario : settings.scenarios()) {
                    phase(sessions, settings.settle(), conditions);
                    if (freezer != null) {
                        freezer.freeze();
                    }
                    Map<Policy, RunAccounting> measured = measuredPhase(sessions, scenario, conditions);
                    double seconds = settings.measure(scenario).toMillis() / 1000.0;
                    for (var entry : measured.entrySet()) {
                        ResultRow row = ResultRow.of(
                                scenario.name(),
                                entry.getKey().label,
                                run,
                                entry.getValue().result(seconds));
                        rows.add(row);
                        LOG.info("{}", SteeringCsv.line(row));
                        for (RunAccounting.SecondResult second :
                                entry.getValue().series()) {
                            series.add(seriesLine(scenario, entry.getKey(), run, second));
                        }
                        if (run == 1) {
                            firstHotRuns
                                    .computeIfAbsent(scenario.name(), s -> new LinkedHashMap<>())
                                    .put(entry.getKey().label, entry.getValue().series());
                        }
                    }
                    SteeringCsv.write(settings.out().resolve("steering.csv"), rows);
                }
            }
        } finally {
            sessions.values().forEach(CqlSession::close);
        }
        Files.write(settings.out().resolve("timeseries.csv"), series, StandardCharsets.UTF_8);
        writeReport(rows, firstHotRuns, series);
        return rows;
    }

    /** The measured phase of a scenario: the condition on, every policy's load counted. */
    private Map<Policy, RunAccounting> measuredPhase(
            Map<Policy, CqlSession> sessions, Scenario scenario, ClusterConditions conditions)
            throws InterruptedException {
        long start = System.nanoTime();
        Map<Policy, RunAccounting> accounting = new LinkedHashMap<>();
        List<LoadGenerator> generators = new ArrayList<>();
        long seed = start;
        for (var entry : sessions.entrySet()) {
            RunAccounting counts =
                    new RunAccounting(start, settings.contactPoints().size());
            accounting.put(entry.getKey(), counts);
            generators.add(new LoadGenerator(
                    new OpenLoopSchedule(start, settings.ratePerPolicy()),
                    workload.sender(statements(entry.getValue()), seed++),
                    System::nanoTime,
                    conditions::hotNode,
                    counts));
        }
        int nodes = settings.contactPoints().size();
        conditions.makeHot(scenario, settings.hotNode());
        long end = start + settings.measure(scenario).toNanos();
        long nextRotation = start + settings.rotation().toNanos();
        int hot = settings.hotNode();
        try {
            while (System.nanoTime() < end) {
                if (scenario == Scenario.S5 && System.nanoTime() >= nextRotation) {
                    hot = hot % nodes + 1;
                    conditions.makeHot(scenario, hot);
                    nextRotation += settings.rotation().toNanos();
                }
                pump(generators, end);
            }
            // what a stalled thread did not send in time: due within the phase, so sent and counted
            pump(generators, end);
        } finally {
            conditions.coolDown();
        }
        drain(accounting.values());
        return accounting;
    }

    /** A phase that is not counted: the load runs, the cluster as it is. */
    private void phase(Map<Policy, CqlSession> sessions, Duration length, ClusterConditions conditions) {
        long start = System.nanoTime();
        List<LoadGenerator> generators = new ArrayList<>();
        long seed = start;
        for (CqlSession session : sessions.values()) {
            generators.add(new LoadGenerator(
                    new OpenLoopSchedule(start, settings.ratePerPolicy()),
                    workload.sender(statements(session), seed++),
                    System::nanoTime,
                    conditions::hotNode,
                    new RunAccounting(start, settings.contactPoints().size())));
        }
        long end = start + length.toNanos();
        while (System.nanoTime() < end) {
            pump(generators, end);
        }
    }

    /**
     * Sends what is due, then parks until the next request is due (or the end). The policy that sends
     * first changes every time: sending takes a while, and a fixed order made each later policy's
     * requests start later than due, which showed as a few percent more latency in the order of the
     * policies.
     */
    private void pump(List<LoadGenerator> generators, long end) {
        long next = end;
        for (LoadGenerator generator : SendOrder.rotated(generators, pumps++)) {
            generator.sendDue(end);
            next = Math.min(next, generator.nextDueNanos());
        }
        long wait = next - System.nanoTime();
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    /** Waits (with a deadline) for the answers still in flight; what never comes counts as an error. */
    private static void drain(Iterable<RunAccounting> accounting) throws InterruptedException {
        long deadline = System.nanoTime() + DRAIN.toNanos();
        for (RunAccounting counts : accounting) {
            while (counts.inFlight() > 0 && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(20);
            }
        }
    }

    private Workload.Statements statements(CqlSession session) {
        return senders.computeIfAbsent(session, workload::prepare);
    }

    /** The loadrank session has a ranking before anything is measured (the topology starts slowly). */
    private static void awaitFirstRanking(CqlSession session) throws InterruptedException {
        LoadAwareLoadBalancingPolicy policy = LoadAwareLoadBalancingPolicy.of(session)
                .orElseThrow(() -> new IllegalStateException("the loadrank session has no loadrank policy"));
        long deadline = System.nanoTime() + FIRST_RANKING.toNanos();
        LOG.info("waiting for the first ranking on the rankings topic (at most {} s) ...", FIRST_RANKING.toSeconds());
        while (policy.status().rankingAge().isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no ranking reached the loadrank session within "
                        + FIRST_RANKING.toSeconds() + " s: is the topology running and its rankings topic on?");
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        LOG.info("first ranking in, {} old", policy.status().rankingAge().orElseThrow());
    }

    private CqlSession session(Policy policy) {
        ProgrammaticDriverConfigLoaderBuilder config = DriverConfigLoader.programmaticBuilder()
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, REQUEST_TIMEOUT)
                .withString(DefaultDriverOption.SESSION_NAME, policy.label)
                .withInt(DefaultDriverOption.CONNECTION_MAX_REQUESTS, 2048)
                // one session per policy and the set-up's: many sessions is the design here, not a leak
                .withInt(DefaultDriverOption.SESSION_LEAK_THRESHOLD, 16)
                // a node that is meant to be slow (a cut CPU limit, a flood) must stay in the
                // experiment: its connections are not dropped for a late heartbeat or set-up answer
                .withDuration(DefaultDriverOption.HEARTBEAT_TIMEOUT, CONNECTION_PATIENCE)
                .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, CONNECTION_PATIENCE)
                .withDuration(DefaultDriverOption.CONNECTION_CONNECT_TIMEOUT, CONNECTION_PATIENCE)
                .withDuration(DefaultDriverOption.CONTROL_CONNECTION_TIMEOUT, CONNECTION_PATIENCE);
        DriverConfigLoader loader = policy.configure(
                        config, settings.bootstrapServers(), settings.topic(), settings.frozenTopic())
                .build();
        return CqlSession.builder()
                .addContactPoints(settings.contactPoints())
                .withLocalDatacenter(settings.datacenter())
                .withConfigLoader(loader)
                .build();
    }

    /** The table S3's compactions rewrite: about 20 MB on every replica, in several SSTables. */
    private void fillBacklog(CqlSession session) throws InterruptedException {
        LOG.info("writing the compaction backlog table ...");
        var insert = session.prepare(
                SimpleStatement.newInstance("INSERT INTO " + Workload.KEYSPACE + ".backlog (k, v) VALUES (?, ?)")
                        .setConsistencyLevel(ConsistencyLevel.ONE));
        Workload.writeAll(session, insert, 20_000, "b".repeat(1024));
    }

    private String seriesHeader() {
        StringBuilder header = new StringBuilder("scenario,policy,run,second");
        for (int i = 1; i <= settings.contactPoints().size(); i++) {
            header.append(",node").append(i);
        }
        return header.append(",unknown_node,p99_ms").toString();
    }

    private static String seriesLine(Scenario scenario, Policy policy, int run, RunAccounting.SecondResult second) {
        StringBuilder line =
                new StringBuilder(scenario.name() + "," + policy.label + "," + run + "," + second.second());
        long[] perNode = second.perNode();
        for (int i = 1; i < perNode.length; i++) {
            line.append(',').append(perNode[i]);
        }
        line.append(',').append(perNode[0]);
        return line.append(String.format(Locale.ROOT, ",%.3f", second.p99Millis()))
                .toString();
    }

    private void writeReport(
            List<ResultRow> rows,
            Map<String, Map<String, List<RunAccounting.SecondResult>>> series,
            List<String> seriesLines)
            throws IOException {
        StringBuilder md = new StringBuilder();
        md.append(SteeringReport.markdown(rows)).append('\n');
        int nodes = settings.contactPoints().size();
        md.append(ShiftTimes.markdown(ShiftTimes.read(seriesLines, nodes), settings.hotNode(), nodes, (int)
                        settings.rotation().toSeconds()))
                .append('\n');
        for (String scenario : series.keySet()) {
            Path latencies = settings.out().resolve("latency-" + scenario + ".png");
            SteeringCharts.latencies(latencies, scenario, rows);
            md.append("![")
                    .append(scenario)
                    .append(" latencies](")
                    .append(latencies.getFileName())
                    .append(")\n\n");
            String sharePolicy =
                    settings.policies().contains(Policy.LOADRANK) ? Policy.LOADRANK.label : Policy.BASELINE.label;
            Path timeSeries = settings.out().resolve("timeseries-" + scenario + ".png");
            SteeringCharts.timeSeries(
                    timeSeries,
                    scenario + ", run 1: " + sharePolicy + "'s requests per node, and each policy's p99",
                    series.get(scenario),
                    sharePolicy,
                    settings.contactPoints().size());
            md.append("![")
                    .append(scenario)
                    .append(" time series](")
                    .append(timeSeries.getFileName())
                    .append(")\n\n");
        }
        Files.writeString(settings.out().resolve("report.md"), md.toString(), StandardCharsets.UTF_8);
    }
}
