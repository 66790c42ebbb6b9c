package io.loadrank.bench.jmh;

import com.datastax.oss.driver.api.core.Version;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.context.DriverContext;
import com.datastax.oss.driver.api.core.loadbalancing.LoadBalancingPolicy;
import com.datastax.oss.driver.api.core.loadbalancing.NodeDistance;
import com.datastax.oss.driver.api.core.metadata.EndPoint;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.metadata.NodeState;
import com.datastax.oss.driver.api.core.session.ProgrammaticArguments;
import com.datastax.oss.driver.internal.core.context.DefaultDriverContext;
import com.datastax.oss.driver.internal.core.loadbalancing.DefaultLoadBalancingPolicy;
import com.datastax.oss.driver.internal.core.metadata.DefaultEndPoint;
import io.loadrank.balancer.LoadAwareLoadBalancingPolicy;
import io.loadrank.balancer.config.LoadRankOption;
import io.loadrank.slice.Slice;
import io.loadrank.slice.SliceHost;
import io.loadrank.slice.SliceKey;
import io.loadrank.slice.SliceRanking;
import io.loadrank.slice.SliceRecordFormat;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What the balancer adds to each query: the cost of a query plan (built, then read to its end as the
 * driver may) from the driver's {@link DefaultLoadBalancingPolicy} and from
 * {@link LoadAwareLoadBalancingPolicy}, for a local datacenter of {@code nodes} nodes, with one node
 * demoted or none ({@code hot}; the driver's policy ignores it). Real policies on a real driver
 * context, no session: the plans are those of statements without routing information (the
 * token-aware path costs the driver more and the balancer the same).
 */
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class QueryPlanBenchmark extends FleetBenchmark {

    private static final String DC = "dc1";

    @Param({"3", "12", "48"})
    public int nodes;

    @Param({"false", "true"})
    public boolean hot;

    private DefaultDriverContext context;
    private DefaultLoadBalancingPolicy driver;
    private FedPolicy balancer;

    @Setup(Level.Trial)
    public void buildThePolicies() throws UnknownHostException {
        DriverConfigLoader config = DriverConfigLoader.programmaticBuilder()
                .withString(DefaultDriverOption.LOAD_BALANCING_LOCAL_DATACENTER, DC)
                // nothing listens there: the follower reports one outage and the benchmark feeds the ranking itself
                .withString(LoadRankOption.BOOTSTRAP_SERVERS, "127.0.0.1:9")
                .withDuration(LoadRankOption.MAX_AGE, Duration.ofHours(1))
                .build();
        context =
                new DefaultDriverContext(config, ProgrammaticArguments.builder().build());
        Map<UUID, Node> all = new LinkedHashMap<>();
        Set<EndPoint> contactPoints = new HashSet<>();
        for (int i = 1; i <= nodes; i++) {
            BenchNode node = new BenchNode(i);
            all.put(node.getHostId(), node);
            contactPoints.add(node.getEndPoint());
        }
        // what a session does before the policies start: they check the local datacenter against them
        context.getMetadataManager().addContactPoints(contactPoints);
        LoadBalancingPolicy.DistanceReporter ignore = (node, distance) -> {};
        driver = new DefaultLoadBalancingPolicy(context, "default");
        driver.init(all, ignore);
        balancer = new FedPolicy(context, all.values());
        balancer.init(all, ignore);
        if (hot) {
            Slice slice = balancer.slice().orElseThrow();
            balancer.onRankingRecord(new SliceKey(slice, 0).text(), ranking(slice, nodes, System.currentTimeMillis()));
            if (balancer.status().demoted().size() != 1) {
                throw new IllegalStateException("expected one demoted node, got " + balancer.status());
            }
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        balancer.close();
        driver.close();
        // the driver context's timer thread would keep the forked JVM alive
        context.getNettyOptions().onClose().awaitUninterruptibly(10, TimeUnit.SECONDS);
    }

    @Benchmark
    public void driverPolicy(Blackhole sink) {
        readToTheEnd(driverPlan(), sink);
    }

    @Benchmark
    public void loadAwarePolicy(Blackhole sink) {
        readToTheEnd(loadAwarePlan(), sink);
    }

    Queue<Node> driverPlan() {
        return driver.newQueryPlan(null, null);
    }

    Queue<Node> loadAwarePlan() {
        return balancer.newQueryPlan(null, null);
    }

    private static void readToTheEnd(Queue<Node> plan, Blackhole sink) {
        for (Node node = plan.poll(); node != null; node = plan.poll()) {
            sink.consume(node);
        }
    }

    /** Node 1 at three times the others' score: hot at any size. A slice this small is one record. */
    private static String ranking(Slice slice, int nodes, long now) {
        List<SliceHost> hosts = new ArrayList<>();
        double unit = 100.0 / (nodes + 2);
        for (int i = 1; i <= nodes; i++) {
            double score = i == 1 ? 3 * unit : unit;
            hosts.add(new SliceHost(
                    "10.0.0." + i,
                    i,
                    score,
                    score / (100.0 / nodes),
                    0,
                    Double.NaN,
                    false,
                    null,
                    null,
                    "r1",
                    new double[0],
                    0));
        }
        hosts.sort((a, b) -> Double.compare(b.score(), a.score()));
        return SliceRecordFormat.write(
                        new SliceRanking(slice, now, 60, 2, List.of(), new double[0], hosts, List.of(), 0))
                .get(0);
    }

    /** The balancer with its node list from the benchmark (there is no session, so no metadata). */
    static final class FedPolicy extends LoadAwareLoadBalancingPolicy {
        private final List<Node> nodes;

        FedPolicy(DriverContext context, Collection<Node> nodes) {
            super(context, "default");
            this.nodes = new ArrayList<>(nodes);
        }

        @Override
        protected Collection<Node> knownNodes() {
            return nodes;
        }

        @Override
        public void onRankingRecord(String key, String value) {
            super.onRankingRecord(key, value);
        }
    }

    /** A node of the local datacenter at 10.0.0.i, up. */
    static final class BenchNode implements Node {
        private final InetSocketAddress address;
        private final EndPoint endPoint;
        private final UUID hostId = UUID.randomUUID();

        BenchNode(int i) throws UnknownHostException {
            address = new InetSocketAddress(InetAddress.getByAddress(new byte[] {10, 0, 0, (byte) i}), 9042);
            endPoint = new DefaultEndPoint(address);
        }

        @Override
        public EndPoint getEndPoint() {
            return endPoint;
        }

        @Override
        public Optional<InetSocketAddress> getBroadcastRpcAddress() {
            return Optional.of(address);
        }

        @Override
        public Optional<InetSocketAddress> getBroadcastAddress() {
            return Optional.of(address);
        }

        @Override
        public Optional<InetSocketAddress> getListenAddress() {
            return Optional.of(address);
        }

        @Override
        public String getDatacenter() {
            return DC;
        }

        @Override
        public String getRack() {
            return "r1";
        }

        @Override
        public Version getCassandraVersion() {
            return Version.parse("5.0.9");
        }

        @Override
        public Map<String, Object> getExtras() {
            return Map.of();
        }

        @Override
        public NodeState getState() {
            return NodeState.UP;
        }

        @Override
        public long getUpSinceMillis() {
            return 0;
        }

        @Override
        public int getOpenConnections() {
            return 1;
        }

        @Override
        public boolean isReconnecting() {
            return false;
        }

        @Override
        public NodeDistance getDistance() {
            return NodeDistance.LOCAL;
        }

        @Override
        public UUID getHostId() {
            return hostId;
        }

        @Override
        public UUID getSchemaVersion() {
            return null;
        }

        @Override
        public String toString() {
            return address.toString();
        }
    }
}
