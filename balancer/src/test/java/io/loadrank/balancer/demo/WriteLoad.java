package io.loadrank.balancer.demo;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A write flood coordinated by one node: another client's load, with its own session and the driver's
 * plain policy, every statement sent to {@code target} ({@code Statement.setNode}), {@code inFlight}
 * asynchronous 1 KiB inserts at a time into {@code keyspace.table (k int PRIMARY KEY, v text)}, until
 * closed. The target is then the only node that coordinates writes: its client write latency and
 * its native-transport queue grow, while with replication factor 2 both nodes apply the mutations.
 */
public final class WriteLoad implements AutoCloseable {

    private static final int KEYS = 100_000;

    private final CqlSession session;
    private final PreparedStatement insert;
    private final Node target;
    private final int inFlight;
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final String value = "w".repeat(1024);
    private final Thread thread;
    private volatile boolean running = true;

    private WriteLoad(CqlSession session, PreparedStatement insert, Node target, int inFlight) {
        this.session = session;
        this.insert = insert;
        this.target = target;
        this.inFlight = inFlight;
        this.thread = new Thread(this::run, "write-load");
        thread.setDaemon(true);
    }

    /** Connects and starts sending; {@code target} is the node's CQL address. */
    public static WriteLoad start(List<InetSocketAddress> contactPoints, String datacenter, InetSocketAddress target,
                                  String keyspace, String table, int inFlight) {
        DriverConfigLoader config = DriverConfigLoader.programmaticBuilder()
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(30))
                .withInt(DefaultDriverOption.CONNECTION_MAX_REQUESTS, Math.max(1024, inFlight * 2))
                .build();
        CqlSession session = CqlSession.builder().addContactPoints(contactPoints).withLocalDatacenter(datacenter)
                .withConfigLoader(config).build();
        try {
            Node node = session.getMetadata().getNodes().values().stream()
                    .filter(n -> target.equals(n.getEndPoint().resolve()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no node " + target + " in the cluster: "
                            + session.getMetadata().getNodes().values()));
            PreparedStatement insert = session.prepare(SimpleStatement.newInstance(
                    "INSERT INTO " + keyspace + "." + table + " (k, v) VALUES (?, ?)")
                    .setConsistencyLevel(ConsistencyLevel.LOCAL_ONE));
            WriteLoad load = new WriteLoad(session, insert, node, inFlight);
            load.thread.start();
            return load;
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    private void run() {
        Semaphore slots = new Semaphore(inFlight);
        while (running) {
            try {
                if (!slots.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                    continue;
                }
            } catch (InterruptedException e) {
                return;
            }
            int key = ThreadLocalRandom.current().nextInt(KEYS);
            session.executeAsync(insert.bind(key, value).setNode(target)).whenComplete((result, error) -> {
                (error == null ? completed : failed).incrementAndGet();
                slots.release();
            });
        }
    }

    public Node target() {
        return target;
    }

    public long completed() {
        return completed.get();
    }

    public long failed() {
        return failed.get();
    }

    /** Stops sending (requests in flight finish) and closes the session. */
    @Override
    public void close() {
        running = false;
        ReadLoop.joinQuietly(thread);
        session.close();
    }
}
