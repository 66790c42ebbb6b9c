package io.loadrank.producer.jmx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.loadrank.hostinfo.HostInfo;
import io.loadrank.metric.Metric;
import io.loadrank.producer.hostinfo.HostInfoCollector;
import io.loadrank.producer.metrics.SampleCalculator;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import org.junit.jupiter.api.Test;

/**
 * The scraper against a real in-process MBean server holding MBeans with Cassandra's names and
 * an older JVM's OperatingSystem attribute names (no mocks; the real Cassandra is in the ITs).
 */
class JmxScraperTest {

    public interface OldOperatingSystemMBean {
        double getSystemCpuLoad();

        long getFreePhysicalMemorySize();

        long getTotalPhysicalMemorySize();
    }

    public interface GaugeMBean {
        Object getValue();
    }

    public interface CounterMBean {
        long getCount();
    }

    /** A fresh MBean server per test, not registered anywhere, so it needs no releasing. */
    private final MBeanServer server = MBeanServerFactory.newMBeanServer();

    @Test
    void reads_an_older_jvms_attribute_names_and_cassandras_mbeans() throws Exception {
        // given: a JVM before Java 14 (SystemCpuLoad, FreePhysicalMemorySize) and a node that has
        // not created its Native-Transport-Requests pool yet
        register("java.lang:type=OperatingSystem", OldOperatingSystemMBean.class, new OldOperatingSystemMBean() {
            public double getSystemCpuLoad() {
                return 0.375;
            }

            public long getFreePhysicalMemorySize() {
                return 1_000;
            }

            public long getTotalPhysicalMemorySize() {
                return 4_000;
            }
        });
        gauge("org.apache.cassandra.metrics:type=ThreadPools,path=request,scope=ReadStage,name=PendingTasks", 3);
        gauge("org.apache.cassandra.metrics:type=ThreadPools,path=request,scope=MutationStage,name=PendingTasks", 4L);
        gauge("org.apache.cassandra.metrics:type=ThreadPools,path=request,scope=ReadStage,name=ActiveTasks", 100);
        gauge("org.apache.cassandra.metrics:type=Compaction,name=PendingTasks", 2);
        long[] readCounters = {1_000, 10};
        counter("org.apache.cassandra.metrics:type=ClientRequest,scope=Read,name=TotalLatency", () -> readCounters[0]);
        counter("org.apache.cassandra.metrics:type=ClientRequest,scope=Read,name=Latency", () -> readCounters[1]);
        JmxScraper scraper = new JmxScraper(true);
        SampleCalculator calculator = new SampleCalculator(true);
        calculator.begin();
        scraper.scrape(server, calculator);
        readCounters[0] = 4_000;
        readCounters[1] = 16;

        // when
        calculator.begin();
        scraper.scrape(server, calculator);

        // then: write latency MBeans missing -> no value, not an error
        assertThat(calculator.values())
                .containsOnly(
                        entry(Metric.CPU_LOAD, 37.5),
                        entry(Metric.MEM_LOAD, 75.0),
                        entry(Metric.PENDING_TASKS, 9.0),
                        entry(Metric.READ_LATENCY, 500.0));
    }

    @Test
    void a_node_without_cassandra_mbeans_yet_gives_only_what_exists() throws Exception {
        // given: only the operating system (Cassandra still starting)
        register("java.lang:type=OperatingSystem", OldOperatingSystemMBean.class, new OldOperatingSystemMBean() {
            public double getSystemCpuLoad() {
                return -1;
            } // the JVM cannot tell yet

            public long getFreePhysicalMemorySize() {
                return 3_000;
            }

            public long getTotalPhysicalMemorySize() {
                return 4_000;
            }
        });
        SampleCalculator calculator = new SampleCalculator(true);

        // when
        calculator.begin();
        new JmxScraper(true).scrape(server, calculator);

        // then
        assertThat(calculator.values()).containsOnly(entry(Metric.MEM_LOAD, 25.0));
    }

    public interface EndpointSnitchInfoMBean {
        String getDatacenter();

        String getRack();
    }

    public interface StorageServiceMBean {
        String getLocalHostId();

        String getClusterName();

        java.util.Map<String, String> getHostIdToEndpoint();
    }

    @Test
    void reads_the_nodes_datacenter_rack_host_id_cluster_and_address() throws Exception {
        String id = "6a0e1c2e-5b7d-4c1a-9f3e-2d4b6a8c0e1f";
        register(
                "org.apache.cassandra.db:type=EndpointSnitchInfo",
                EndpointSnitchInfoMBean.class,
                new EndpointSnitchInfoMBean() {
                    public String getDatacenter() {
                        return "eu-west";
                    }

                    public String getRack() {
                        return "r2";
                    }
                });
        register("org.apache.cassandra.db:type=StorageService", StorageServiceMBean.class, new StorageServiceMBean() {
            public String getLocalHostId() {
                return id;
            }

            public String getClusterName() {
                return "prod";
            }

            public java.util.Map<String, String> getHostIdToEndpoint() {
                return java.util.Map.of(id, "127.0.0.1");
            }
        });
        HostInfoCollector collector = new HostInfoCollector("cass-eu-1");

        collector.begin();
        new JmxScraper(true).scrapeHostInfo(server, collector);

        assertThat(collector.result()).contains(new HostInfo("cass-eu-1", "eu-west", "r2", id, "prod", "127.0.0.1"));
    }

    @Test
    void a_node_without_the_identity_mbeans_gives_no_host_info_and_no_error() throws Exception {
        HostInfoCollector collector = new HostInfoCollector("cass-eu-1");

        collector.begin();
        new JmxScraper(true).scrapeHostInfo(server, collector);

        assertThat(collector.result()).isEmpty();
    }

    private <T> void register(String name, Class<T> type, T implementation) throws Exception {
        server.registerMBean(new StandardMBean(implementation, type), new ObjectName(name));
    }

    private void gauge(String name, Object value) throws Exception {
        register(name, GaugeMBean.class, () -> value);
    }

    private void counter(String name, CounterMBean counter) throws Exception {
        register(name, CounterMBean.class, counter);
    }
}
