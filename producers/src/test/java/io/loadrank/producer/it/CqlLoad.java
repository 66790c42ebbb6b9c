package io.loadrank.producer.it;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Real read and write load on a Cassandra node through the Apache Cassandra Java driver: keeps
 * {@code inFlight} asynchronous requests running (half reads, half writes of 1 KiB rows) until
 * stopped, so that Cassandra's request latency and queues grow as they do on a busy node.
 */
public final class CqlLoad implements AutoCloseable {

    private static final int KEYS = 20_000;

    private final CqlSession session;
    private final PreparedStatement insert;
    private final PreparedStatement select;
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final String value = "x".repeat(1024);
    private Thread thread;
    private volatile boolean running;

    public CqlLoad(int cqlPort) {
        session = CqlSession.builder()
                .addContactPoint(new InetSocketAddress("127.0.0.1", cqlPort))
                .withLocalDatacenter("datacenter1")
                .build();
        session.execute("CREATE KEYSPACE IF NOT EXISTS loadrank_it WITH replication = "
                + "{'class': 'SimpleStrategy', 'replication_factor': 1}");
        session.execute("CREATE TABLE IF NOT EXISTS loadrank_it.kv (k int PRIMARY KEY, v text)");
        insert = session.prepare("INSERT INTO loadrank_it.kv (k, v) VALUES (?, ?)");
        select = session.prepare("SELECT v FROM loadrank_it.kv WHERE k = ?");
    }

    /** One synchronous read and one write, so that both latency metrics exist. */
    public void touch() {
        session.execute(insert.bind(1, value));
        session.execute(select.bind(1));
    }

    /** Starts keeping {@code inFlight} requests running. */
    public void start(int inFlight) {
        running = true;
        Semaphore slots = new Semaphore(inFlight);
        thread = new Thread(
                () -> {
                    while (running) {
                        try {
                            if (!slots.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                                continue;
                            }
                        } catch (InterruptedException e) {
                            return;
                        }
                        int key = ThreadLocalRandom.current().nextInt(KEYS);
                        var request =
                                ThreadLocalRandom.current().nextBoolean() ? insert.bind(key, value) : select.bind(key);
                        session.executeAsync(request).whenComplete((result, error) -> {
                            (error == null ? completed : failed).incrementAndGet();
                            slots.release();
                        });
                    }
                },
                "cql-load");
        thread.setDaemon(true);
        thread.start();
    }

    public void stop() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join(Duration.ofSeconds(10).toMillis());
        }
    }

    public long completed() {
        return completed.get();
    }

    public long failed() {
        return failed.get();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
        session.close();
    }
}
