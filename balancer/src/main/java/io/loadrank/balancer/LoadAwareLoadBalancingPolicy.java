package io.loadrank.balancer;

import com.datastax.oss.driver.api.core.config.DriverExecutionProfile;
import com.datastax.oss.driver.api.core.context.DriverContext;
import com.datastax.oss.driver.api.core.loadbalancing.LoadBalancingPolicy;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.session.Request;
import com.datastax.oss.driver.api.core.session.Session;
import com.datastax.oss.driver.internal.core.loadbalancing.DefaultLoadBalancingPolicy;
import com.datastax.oss.driver.internal.core.util.collection.SimpleQueryPlan;
import io.loadrank.balancer.config.InvalidLoadRankOptionException;
import io.loadrank.balancer.config.LoadAwarePolicySettings;
import io.loadrank.balancer.config.LoadRankConfig;
import io.loadrank.balancer.config.LoadRankOption;
import io.loadrank.balancer.decision.Decision;
import io.loadrank.balancer.decision.NodeIdentity;
import io.loadrank.balancer.decision.PlanOrder;
import io.loadrank.balancer.decision.Steering;
import io.loadrank.balancer.kafka.RankingFollower;
import io.loadrank.balancer.log.RateLimitedLog;
import io.loadrank.balancer.ranking.SessionSlice;
import io.loadrank.balancer.ranking.SliceIntake;
import io.loadrank.slice.Slice;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver's {@link DefaultLoadBalancingPolicy} (token awareness, local datacenter, slow-replica
 * avoidance unchanged), with one change to each query plan: nodes of the local datacenter that the latest
 * loadrank ranking calls hot move behind the other local nodes. Design and options: docs/BALANCER.md.
 *
 * <pre>
 * datastax-java-driver {
 *   basic.load-balancing-policy.class = io.loadrank.balancer.LoadAwareLoadBalancingPolicy
 *   advanced.loadrank { bootstrap-servers = "kafka-1:9092", topic = loadRankings }
 * }
 * </pre>
 *
 * <p>Queries only read the last published decision (a volatile read and a clock read); the decision is
 * made on the rankings follower's thread and on the driver's node events. A node is never removed from
 * a plan; any failure of ours leaves the driver's own plan as it is.
 */
public class LoadAwareLoadBalancingPolicy extends DefaultLoadBalancingPolicy {

    private static final Logger LOG = LoggerFactory.getLogger(LoadAwareLoadBalancingPolicy.class);

    private final LoadAwarePolicySettings settings;
    private final Properties kafkaProperties;
    private final LongSupplier clockMillis;
    private final Steering steering;
    private final RateLimitedLog planFailures = new RateLimitedLog(LOG, 60, TimeUnit.SECONDS);
    private final RateLimitedLog malformed = new RateLimitedLog(LOG, 60, TimeUnit.SECONDS);

    private volatile SliceIntake intake;
    private volatile Published published = Published.NOTHING;
    private volatile RankingFollower follower;
    private volatile boolean closed;

    /** Called by the driver, once per profile that names this class, while the session starts. */
    public LoadAwareLoadBalancingPolicy(DriverContext context, String profileName) {
        this(context, profileName, System::currentTimeMillis);
    }

    /**
     * @param clockMillis the clock rankings are aged by (tests replace it)
     * @throws InvalidLoadRankOptionException for an option not allowed, naming key, value and what is allowed
     */
    protected LoadAwareLoadBalancingPolicy(DriverContext context, String profileName, LongSupplier clockMillis) {
        super(context, profileName);
        this.settings = LoadRankConfig.read(profile);
        this.kafkaProperties = kafkaProperties(settings);
        this.clockMillis = clockMillis;
        this.steering = new Steering(settings.balancer(), clockMillis);
    }

    /**
     * The balancer of a session's profile, if that profile uses it.
     *
     * @param profileName {@link DriverExecutionProfile#DEFAULT_NAME} for the default profile
     */
    public static Optional<LoadAwareLoadBalancingPolicy> of(Session session, String profileName) {
        LoadBalancingPolicy policy =
                session.getContext().getLoadBalancingPolicies().get(profileName);
        return policy instanceof LoadAwareLoadBalancingPolicy balancer ? Optional.of(balancer) : Optional.empty();
    }

    /** The balancer of a session's default profile, if it uses it. */
    public static Optional<LoadAwareLoadBalancingPolicy> of(Session session) {
        return of(session, DriverExecutionProfile.DEFAULT_NAME);
    }

    @Override
    public void init(Map<UUID, Node> nodes, DistanceReporter distanceReporter) {
        super.init(nodes, distanceReporter);
        refresh();
        Optional<String> driverCluster =
                context.getMetadataManager().getMetadata().getClusterName();
        Optional<Slice> slice = SessionSlice.of(settings.cluster(), driverCluster, getLocalDatacenter());
        if (slice.isEmpty()) {
            LOG.warn(
                    "[{}] loadrank balancer: no local datacenter, so no slice to steer within; the driver's plain "
                            + "plans",
                    logPrefix);
            return;
        }
        intake = new SliceIntake(slice.get());
        // twice max-age: why that is enough, and why a time rather than a count, is said at the follower
        RankingFollower started = new RankingFollower(
                settings.topic(),
                slice.get(),
                settings.balancer().maxAge().multipliedBy(2),
                kafkaProperties,
                this::onRankingRecord,
                this::refresh,
                logPrefix);
        follower = started;
        started.start();
        LOG.info(
                "[{}] loadrank balancer: slice {} (cluster {}), rankings from {} on {}, max-age {}, "
                        + "hot-ratio {}, cool-ratio {}, min-hot {}, max-demoted-fraction {}",
                logPrefix,
                slice.get(),
                SessionSlice.clusterOrigin(settings.cluster(), driverCluster),
                settings.topic(),
                settings.bootstrapServers(),
                settings.balancer().maxAge(),
                settings.balancer().hotRatio(),
                settings.balancer().coolRatio(),
                settings.balancer().minHot(),
                settings.balancer().maxDemotedFraction());
    }

    @Override
    public Queue<Node> newQueryPlan(Request request, Session session) {
        Queue<Node> plan = super.newQueryPlan(request, session);
        Published current = published;
        if (current.demoted.isEmpty() || clockMillis.getAsLong() > current.validUntilMillis) {
            return plan;
        }
        Object[] driverOrder = drain(plan);
        try {
            Object[] reordered = driverOrder.clone();
            String localDc = current.localDc;
            PlanOrder.demote(
                    reordered,
                    current.demoted::contains,
                    node -> Objects.equals(((Node) node).getDatacenter(), localDc));
            return new SimpleQueryPlan(reordered);
        } catch (RuntimeException e) {
            planFailures.warn(
                    "[" + logPrefix + "] loadrank balancer: reordering a query plan failed; "
                            + "using the driver's plan",
                    e);
            return new SimpleQueryPlan(driverOrder);
        }
    }

    @Override
    public void onAdd(Node node) {
        super.onAdd(node);
        refresh();
    }

    @Override
    public void onUp(Node node) {
        super.onUp(node);
        refresh();
    }

    @Override
    public void onDown(Node node) {
        super.onDown(node);
        refresh();
    }

    @Override
    public void onRemove(Node node) {
        super.onRemove(node);
        refresh();
    }

    @Override
    public void close() {
        closed = true;
        RankingFollower current = follower;
        if (current != null) {
            current.close();
        }
        super.close();
    }

    /** What the balancer does now. */
    public BalancerStatus status() {
        Steering.Counts counts = steering.counts();
        RankingFollower current = follower;
        SliceIntake records = intake;
        Published now = published;
        boolean fresh = clockMillis.getAsLong() <= now.validUntilMillis;
        return new BalancerStatus(
                fresh ? now.demotedHottestFirst : List.of(),
                counts.rankingAgeMillis() < 0
                        ? Optional.empty()
                        : Optional.of(Duration.ofMillis(counts.rankingAgeMillis())),
                counts.demotions(),
                counts.restorations(),
                counts.rankings(),
                records == null ? 0 : records.sliceRecords(),
                records == null ? 0 : records.skippedRecords(),
                records == null ? 0 : records.refusedRecords(),
                counts.outOfOrder(),
                current == null || current.kafkaReachable(),
                current == null ? 0 : current.outages());
    }

    /** The settings in use. */
    public LoadAwarePolicySettings settings() {
        return settings;
    }

    /** The slice this policy steers by, empty before {@code init} or without a local datacenter. */
    public Optional<Slice> slice() {
        SliceIntake current = intake;
        return current == null ? Optional.empty() : Optional.of(current.slice());
    }

    /**
     * Takes one record of the rankings topic in (the follower calls it for every record of its slice's
     * partition): another slice's is skipped by its key, a part is held until its ranking is whole, a
     * refused one is counted and logged at most once a minute. A subclass may also feed records it gets
     * some other way.
     */
    protected void onRankingRecord(String key, String value) {
        SliceIntake current = intake;
        if (current == null) {
            return;
        }
        SliceIntake.Outcome outcome = current.accept(key, value);
        if (outcome instanceof SliceIntake.Outcome.Ranking ranking) {
            steering.accept(ranking.snapshot());
        } else if (outcome instanceof SliceIntake.Outcome.Left) {
            steering.sliceLeft();
        } else {
            if (outcome instanceof SliceIntake.Outcome.Refused refused) {
                malformed.warn(
                        "[" + logPrefix + "] loadrank balancer: skipped a rankings record of slice " + current.slice()
                                + ": " + refused.reason(),
                        null);
            }
            return;
        }
        refresh();
    }

    /** Decides again and publishes the result for the queries; logs one line per change. */
    private synchronized void refresh() {
        if (closed) {
            return;
        }
        String localDc = getLocalDatacenter();
        Map<NodeIdentity, Node> local = new LinkedHashMap<>();
        for (Node node : knownNodes()) {
            if (localDc != null && localDc.equals(node.getDatacenter())) {
                local.put(identity(node), node);
            }
        }
        Decision decision = steering.decide(localDc, new ArrayList<>(local.keySet()));
        List<Node> demoted = new ArrayList<>();
        for (NodeIdentity identity : decision.demoted()) {
            demoted.add(local.get(identity));
        }
        published = new Published(localDc, Set.copyOf(demoted), List.copyOf(demoted), decision.validUntilMillis());
        if (decision.changed()) {
            LOG.info(
                    "[{}] loadrank balancer: demoted now {}{}{} ({}{})",
                    logPrefix,
                    describe(decision.demoted()),
                    decision.newlyDemoted().isEmpty() ? "" : "; newly demoted " + describe(decision.newlyDemoted()),
                    decision.restored().isEmpty() ? "" : "; restored " + describe(decision.restored()),
                    decision.basis().description(),
                    decision.rankedAtMillis() == Long.MIN_VALUE
                            ? ""
                            : ", ranked " + (clockMillis.getAsLong() - decision.rankedAtMillis()) + " ms ago");
        }
    }

    /** Every node the driver knows, up or down: the candidates for demotion and the size of the datacenter. */
    protected Collection<Node> knownNodes() {
        return context.getMetadataManager().getMetadata().getNodes().values();
    }

    private static String describe(List<NodeIdentity> nodes) {
        return nodes.stream().map(NodeIdentity::toString).collect(Collectors.joining(", ", "[", "]"));
    }

    /** A node as the decision sees it: host id, broadcast RPC address, broadcast address. */
    static NodeIdentity identity(Node node) {
        List<String> addresses = new ArrayList<>();
        node.getBroadcastRpcAddress().ifPresent(address -> addAddress(addresses, address));
        node.getBroadcastAddress().ifPresent(address -> addAddress(addresses, address));
        UUID hostId = node.getHostId();
        return new NodeIdentity(hostId == null ? null : hostId.toString(), addresses, node.getDatacenter());
    }

    private static void addAddress(List<String> addresses, InetSocketAddress address) {
        if (address.getAddress() != null) {
            addIfAbsent(addresses, address.getAddress().getHostAddress());
        }
        // the name the address was created with, if any; never a reverse lookup
        addIfAbsent(addresses, address.getHostString());
    }

    private static void addIfAbsent(List<String> addresses, String value) {
        if (value != null && !value.isEmpty() && !addresses.contains(value)) {
            addresses.add(value);
        }
    }

    private static Object[] drain(Queue<Node> plan) {
        List<Node> nodes = new ArrayList<>();
        for (Node node = plan.poll(); node != null; node = plan.poll()) {
            nodes.add(node);
        }
        return nodes.toArray();
    }

    private static Properties kafkaProperties(LoadAwarePolicySettings settings) {
        Properties properties = LoadRankConfig.kafkaProperties(settings);
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        Properties consumer = RankingFollower.consumerSettings(properties, "check");
        try {
            // the consumer's own checks of every property, without connecting: a bad one fails the session's start
            new ConsumerConfig(consumer);
        } catch (KafkaException e) {
            throw new InvalidLoadRankOptionException(
                    LoadRankOption.KAFKA, e.getMessage(), "Kafka consumer properties the Kafka client accepts", e);
        }
        return properties;
    }

    /** The decision as queries read it. */
    private record Published(String localDc, Set<Node> demoted, List<Node> demotedHottestFirst, long validUntilMillis) {
        static final Published NOTHING = new Published(null, Set.of(), List.of(), Long.MIN_VALUE);
    }
}
