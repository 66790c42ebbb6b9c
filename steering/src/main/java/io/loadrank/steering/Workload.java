package io.loadrank.steering;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The application's requests: 95 % reads and 5 % writes of one row each, prepared, at LOCAL_ONE, keys
 * uniform over a small table that the nodes hold in memory. Node i of the experiment is the i-th
 * contact point.
 */
final class Workload {

    static final String KEYSPACE = "steering";
    static final String TABLE = "kv";
    static final String FLOOD_KEYSPACE = "steering_flood";
    static final String FLOOD_TABLE = "flood";
    static final double READ_FRACTION = 0.95;

    private final List<InetSocketAddress> contactPoints;
    private final int keys;
    private final String value = "v".repeat(100);

    Workload(List<InetSocketAddress> contactPoints, int keys) {
        this.contactPoints = contactPoints;
        this.keys = keys;
    }

    /** Creates the keyspace (replication factor {@code replication}) and writes every key at ALL. */
    void prepareData(CqlSession session, int replication) throws InterruptedException {
        session.execute(SimpleStatement.newInstance("CREATE KEYSPACE IF NOT EXISTS " + KEYSPACE
                        + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': " + replication + "}")
                .setTimeout(java.time.Duration.ofSeconds(60)));
        for (String table : List.of(TABLE, "backlog")) {
            session.execute(SimpleStatement.newInstance(
                            "CREATE TABLE IF NOT EXISTS " + KEYSPACE + "." + table + " (k int PRIMARY KEY, v text)")
                    .setTimeout(java.time.Duration.ofSeconds(60)));
        }
        // the flood's keyspace keeps one copy of each row, so that writes to keys the hot node owns
        // load that node alone: with the workload's replication every node would store the flood
        session.execute(SimpleStatement.newInstance("CREATE KEYSPACE IF NOT EXISTS " + FLOOD_KEYSPACE
                        + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}")
                .setTimeout(java.time.Duration.ofSeconds(60)));
        session.execute(SimpleStatement.newInstance("CREATE TABLE IF NOT EXISTS " + FLOOD_KEYSPACE + "." + FLOOD_TABLE
                        + " (k int PRIMARY KEY, v text)")
                .setTimeout(java.time.Duration.ofSeconds(60)));
        PreparedStatement insert = session.prepare(
                SimpleStatement.newInstance("INSERT INTO " + KEYSPACE + "." + TABLE + " (k, v) VALUES (?, ?)")
                        .setConsistencyLevel(ConsistencyLevel.ALL));
        writeAll(session, insert, keys, value);
    }

    /** Writes keys 0..count-1 with {@code value}, 64 at a time; fails on the first error. */
    static void writeAll(CqlSession session, PreparedStatement insert, int count, String value)
            throws InterruptedException {
        Semaphore slots = new Semaphore(64);
        CompletableFuture<Void> firstError = new CompletableFuture<>();
        for (int k = 0; k < count && !firstError.isDone(); k++) {
            slots.acquire();
            session.executeAsync(insert.bind(k, value)).whenComplete((r, e) -> {
                if (e != null) {
                    firstError.completeExceptionally(e);
                }
                slots.release();
            });
        }
        if (!slots.tryAcquire(64, 120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("writing the data did not finish within 120 s");
        }
        if (firstError.isCompletedExceptionally()) {
            firstError.join();
        }
    }

    /** The workload's statements, prepared in one session. */
    record Statements(CqlSession session, PreparedStatement read, PreparedStatement write) {}

    Statements prepare(CqlSession session) {
        PreparedStatement read =
                session.prepare(SimpleStatement.newInstance("SELECT v FROM " + KEYSPACE + "." + TABLE + " WHERE k = ?")
                        .setConsistencyLevel(ConsistencyLevel.LOCAL_ONE));
        PreparedStatement write = session.prepare(
                SimpleStatement.newInstance("INSERT INTO " + KEYSPACE + "." + TABLE + " (k, v) VALUES (?, ?)")
                        .setConsistencyLevel(ConsistencyLevel.LOCAL_ONE));
        return new Statements(session, read, write);
    }

    /** A sender of this workload with {@code statements}; not thread-safe (one load thread). */
    LoadGenerator.Sender sender(Statements statements, long seed) {
        CqlSession session = statements.session();
        PreparedStatement read = statements.read();
        PreparedStatement write = statements.write();
        SplittableRandom random = new SplittableRandom(seed);
        return (scheduled, completion) -> {
            int key = random.nextInt(keys);
            var statement = random.nextDouble() < READ_FRACTION ? read.bind(key) : write.bind(key, value);
            session.executeAsync(statement).whenComplete((result, error) -> {
                if (error != null) {
                    completion.failed();
                } else {
                    completion.succeeded(number(result.getExecutionInfo().getCoordinator()));
                }
            });
        };
    }

    /** The node's number (1..contact points), 0 when it is none of them. */
    int number(Node node) {
        if (node == null) {
            return 0;
        }
        SocketAddress address = node.getEndPoint().resolve();
        if (!(address instanceof InetSocketAddress inet)) {
            return 0;
        }
        InetAddress ip = inet.getAddress();
        for (int i = 0; i < contactPoints.size(); i++) {
            if (contactPoints.get(i).getAddress().equals(ip)) {
                return i + 1;
            }
        }
        return 0;
    }

    /** The driver's node of number {@code number}. */
    Node node(CqlSession session, int number) {
        return session.getMetadata().getNodes().values().stream()
                .filter(n -> number(n) == number)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no node " + number + " (" + contactPoints.get(number - 1)
                        + ") in " + session.getMetadata().getNodes().values()));
    }

    String value() {
        return value;
    }
}
