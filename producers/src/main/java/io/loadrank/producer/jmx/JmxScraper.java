package io.loadrank.producer.jmx;

import io.loadrank.metric.Metric;
import io.loadrank.producer.hostinfo.HostInfoReceiver;
import io.loadrank.producer.metrics.CpuPercent;
import io.loadrank.producer.metrics.LatencyCounters;
import io.loadrank.producer.metrics.MemoryPercent;
import io.loadrank.producer.metrics.ReadingsReceiver;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.management.Attribute;
import javax.management.AttributeNotFoundException;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the raw values of the five metrics from a Cassandra node's MBeans, using only
 * {@code javax.management} (no Cassandra classes), and hands them to a {@link ReadingsReceiver}.
 *
 * <p>An {@link IOException} means the connection is broken and is thrown to the caller, which
 * reconnects. Every other JMX error concerns one MBean: an {@link InstanceNotFoundException} is
 * an MBean Cassandra has not created yet (it creates some lazily), i.e. "no value"; anything
 * else is logged once per MBean and also means "no value". Neither stops the other metrics.
 */
public final class JmxScraper {

    private static final Logger LOG = LoggerFactory.getLogger(JmxScraper.class);

    static final ObjectName OPERATING_SYSTEM = name("java.lang:type=OperatingSystem");
    /** The request stages (ReadStage, MutationStage, ...); some appear only once used. */
    static final ObjectName REQUEST_POOLS_PENDING =
            name("org.apache.cassandra.metrics:type=ThreadPools,path=request,scope=*,name=PendingTasks");

    static final ObjectName NATIVE_TRANSPORT_PENDING = name(
            "org.apache.cassandra.metrics:type=ThreadPools,path=transport,scope=Native-Transport-Requests,name=PendingTasks");
    static final ObjectName COMPACTION_PENDING = name("org.apache.cassandra.metrics:type=Compaction,name=PendingTasks");

    /** The node's datacenter and rack (docs/DATACENTERS.md). */
    static final ObjectName ENDPOINT_SNITCH_INFO = name("org.apache.cassandra.db:type=EndpointSnitchInfo");

    static final String[] SNITCH_ATTRIBUTES = {"Datacenter", "Rack"};
    /** The node's host id, cluster name, and the map of host ids to addresses (for its own address). */
    static final ObjectName STORAGE_SERVICE = name("org.apache.cassandra.db:type=StorageService");

    static final String[] STORAGE_ATTRIBUTES = {"LocalHostId", "ClusterName", "HostIdToEndpoint"};

    private static final Map<Metric, ObjectName[]> LATENCY = Map.of(
            Metric.READ_LATENCY,
                    new ObjectName[] {
                        name("org.apache.cassandra.metrics:type=ClientRequest,scope=Read,name=TotalLatency"),
                        name("org.apache.cassandra.metrics:type=ClientRequest,scope=Read,name=Latency")
                    },
            Metric.WRITE_LATENCY,
                    new ObjectName[] {
                        name("org.apache.cassandra.metrics:type=ClientRequest,scope=Write,name=TotalLatency"),
                        name("org.apache.cassandra.metrics:type=ClientRequest,scope=Write,name=Latency")
                    });

    /**
     * The request pools are found with a pattern query; pools Cassandra creates later (on first
     * use) are picked up by asking again now and then rather than on every poll, which would
     * add a call per poll (the producer must stay cheap, docs/BENCHMARKS.md).
     */
    private static final int GAUGE_QUERY_EVERY_POLLS = 30;

    private final boolean readOsMemory;
    private List<ObjectName> pendingGauges;
    private int pollsSinceGaugeQuery;
    /** Index into {@link CpuPercent#ATTRIBUTES}: moves on when a JVM lacks the newer name. */
    private int cpuAttribute;

    private final Set<String> reportedErrors = new java.util.HashSet<>();
    private boolean hostInfoProblemReported;

    /** @param readOsMemory whether to read the OperatingSystem memory attributes at all */
    public JmxScraper(boolean readOsMemory) {
        this.readOsMemory = readOsMemory;
    }

    /** Reads one poll's values into {@code receiver}; throws only when the connection broke. */
    public void scrape(MBeanServerConnection connection, ReadingsReceiver receiver) throws IOException {
        readCpu(connection, receiver);
        if (readOsMemory) {
            readOsMemory(connection, receiver);
        }
        readPendingTasks(connection, receiver);
        for (Metric metric : List.of(Metric.READ_LATENCY, Metric.WRITE_LATENCY)) {
            readLatency(connection, receiver, metric);
        }
    }

    /**
     * Reads the node's identity (docs/DATACENTERS.md) into {@code receiver}: one
     * {@code getAttributes} call per MBean. A node without these MBeans (or attributes) gives
     * what it has, and the first such problem is logged once, for the producer's whole life: its
     * metrics are sent all the same. Throws only when the connection broke.
     */
    public void scrapeHostInfo(MBeanServerConnection connection, HostInfoReceiver receiver) throws IOException {
        try {
            receiver.snitch(toMap(connection
                    .getAttributes(ENDPOINT_SNITCH_INFO, SNITCH_ATTRIBUTES)
                    .asList()));
        } catch (JMException e) {
            reportHostInfoProblem(ENDPOINT_SNITCH_INFO, e);
        }
        try {
            receiver.storageService(toMap(connection
                    .getAttributes(STORAGE_SERVICE, STORAGE_ATTRIBUTES)
                    .asList()));
        } catch (JMException e) {
            reportHostInfoProblem(STORAGE_SERVICE, e);
        }
    }

    private void reportHostInfoProblem(ObjectName mbean, JMException e) {
        if (!hostInfoProblemReported) {
            hostInfoProblemReported = true;
            LOG.warn(
                    "cannot read {} for the host-info record (datacenter, rack, host id): {}; the metrics are sent "
                            + "all the same (reported once)",
                    mbean,
                    e.toString());
        }
    }

    /**
     * CpuLoad in a call of its own: the JVM computes it over the time since the previous call of
     * either CPU attribute, so asking for it together with others (or for both names at once)
     * yields a load over a few microseconds, which is noise.
     */
    private void readCpu(MBeanServerConnection connection, ReadingsReceiver receiver) throws IOException {
        while (cpuAttribute < CpuPercent.ATTRIBUTES.length) {
            String attribute = CpuPercent.ATTRIBUTES[cpuAttribute];
            try {
                receiver.cpuLoad(connection.getAttribute(OPERATING_SYSTEM, attribute));
                return;
            } catch (AttributeNotFoundException e) {
                LOG.info("the Cassandra JVM has no OperatingSystem attribute {}; trying the older name", attribute);
                cpuAttribute++;
            } catch (JMException e) {
                reportOnce(OPERATING_SYSTEM + "." + attribute, e);
                return;
            }
        }
    }

    private void readOsMemory(MBeanServerConnection connection, ReadingsReceiver receiver) throws IOException {
        try {
            receiver.osMemory(toMap(connection
                    .getAttributes(OPERATING_SYSTEM, MemoryPercent.MBEAN_ATTRIBUTES)
                    .asList()));
        } catch (JMException e) {
            reportOnce(OPERATING_SYSTEM + " memory", e);
        }
    }

    private void readPendingTasks(MBeanServerConnection connection, ReadingsReceiver receiver) throws IOException {
        if (pendingGauges == null || pollsSinceGaugeQuery >= GAUGE_QUERY_EVERY_POLLS) {
            List<ObjectName> gauges = new ArrayList<>(connection.queryNames(REQUEST_POOLS_PENDING, null));
            gauges.add(NATIVE_TRANSPORT_PENDING);
            gauges.add(COMPACTION_PENDING);
            pendingGauges = gauges;
            pollsSinceGaugeQuery = 0;
        }
        pollsSinceGaugeQuery++;
        List<Object> values = new ArrayList<>(pendingGauges.size());
        for (ObjectName gauge : pendingGauges) {
            try {
                values.add(connection.getAttribute(gauge, "Value"));
            } catch (InstanceNotFoundException e) {
                // not created yet, or gone after a restart: contributes nothing; look again next poll
                pollsSinceGaugeQuery = GAUGE_QUERY_EVERY_POLLS;
            } catch (JMException e) {
                reportOnce(gauge.toString(), e);
            }
        }
        receiver.pendingTasks(values);
    }

    private void readLatency(MBeanServerConnection connection, ReadingsReceiver receiver, Metric metric)
            throws IOException {
        ObjectName[] names = LATENCY.get(metric);
        try {
            Object total = connection.getAttribute(names[0], "Count");
            Object requests = connection.getAttribute(names[1], "Count");
            if (total instanceof Number t && requests instanceof Number r) {
                receiver.latency(metric, new LatencyCounters(t.longValue(), r.longValue()));
            }
        } catch (InstanceNotFoundException e) {
            // Cassandra registers these while it starts; until then there is no value
        } catch (JMException e) {
            reportOnce(names[0].toString(), e);
        }
    }

    private static Map<String, Object> toMap(List<Attribute> attributes) {
        Map<String, Object> map = new HashMap<>();
        for (Attribute attribute : attributes) {
            map.put(attribute.getName(), attribute.getValue());
        }
        return map;
    }

    private void reportOnce(String what, JMException e) {
        if (reportedErrors.add(what + ' ' + e.getClass().getName())) {
            LOG.warn("cannot read {} (no value sent for it; reported once): {}", what, e.toString());
        }
    }

    private static ObjectName name(String name) {
        try {
            return new ObjectName(name);
        } catch (MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
    }
}
