package io.loadrank.producer;

import io.loadrank.metric.Metric;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every configuration key of the producer, with its default and what it means. A key is set in
 * the properties file ({@code key=value}) or on the command line ({@code --key=value} or
 * {@code --key value}); the command line wins. {@link ProducerCommand} makes an option of each,
 * which {@code --help} lists with its default.
 */
record ConfigKey(String key, String defaultValue, String description) {

    static final String HOST = "host";
    static final String INTERVAL_MS = "interval.ms";
    static final String JMX_HOST = "jmx.host";
    static final String JMX_PORT = "jmx.port";
    static final String JMX_USERNAME = "jmx.username";
    static final String JMX_PASSWORD_FILE = "jmx.password.file";
    static final String JMX_PASSWORD_ENV = "jmx.password.env";
    static final String JMX_SSL = "jmx.ssl";
    static final String JMX_SSL_TRUSTSTORE = "jmx.ssl.truststore";
    static final String JMX_SSL_TRUSTSTORE_PASSWORD_ENV = "jmx.ssl.truststore.password.env";
    static final String JMX_TIMEOUT_MS = "jmx.timeout.ms";
    static final String JMX_RECONNECT_MAX_MS = "jmx.reconnect.max.ms";
    static final String MEMORY_SOURCE = "memory.source";
    static final String KAFKA_BOOTSTRAP_SERVERS = "kafka.bootstrap.servers";
    static final String KAFKA_ACKS = "kafka.acks";
    static final String KAFKA_CLIENT_PROPERTIES = "kafka.client.properties";
    static final String KAFKA_BUFFER_SAMPLES = "kafka.buffer.samples";
    static final String TOPIC_PREFIX = "topic.";
    static final String HOSTS_TOPIC = "topic.hosts";

    /** Shown as the default of {@link #HOST}; the real default is computed at start. */
    static final String CANONICAL_HOST_NAME = "<this machine's canonical host name>";

    static final Map<String, ConfigKey> ALL = table();

    private static Map<String, ConfigKey> table() {
        List<ConfigKey> keys = new ArrayList<>(List.of(
                new ConfigKey(
                        HOST,
                        CANONICAL_HOST_NAME,
                        "the host name sent with every sample (1-253 letters, digits, '.', '-', '_', ':')"),
                new ConfigKey(INTERVAL_MS, "1000", "how often to read and send the five metrics, in ms (100-3600000)"),
                new ConfigKey(JMX_HOST, "127.0.0.1", "host of Cassandra's JMX server"),
                new ConfigKey(JMX_PORT, "7199", "port of Cassandra's JMX server (RMI registry)"),
                new ConfigKey(JMX_USERNAME, "", "JMX user name; empty: no authentication"),
                new ConfigKey(
                        JMX_PASSWORD_FILE,
                        "",
                        "file whose first line is the JMX password (read at start; never logged)"),
                new ConfigKey(
                        JMX_PASSWORD_ENV,
                        "LOADRANK_JMX_PASSWORD",
                        "environment variable holding the JMX password, used when jmx.password.file is empty"),
                new ConfigKey(JMX_SSL, "false", "JMX over TLS, registry included, like nodetool --ssl (true/false)"),
                new ConfigKey(
                        JMX_SSL_TRUSTSTORE,
                        "",
                        "trust store (JKS or PKCS12) with the certificate of Cassandra's JMX server; empty: the JVM's"),
                new ConfigKey(
                        JMX_SSL_TRUSTSTORE_PASSWORD_ENV,
                        "LOADRANK_JMX_TRUSTSTORE_PASSWORD",
                        "environment variable holding the trust store password (if it has one)"),
                new ConfigKey(
                        JMX_TIMEOUT_MS,
                        "3000",
                        "connect, handshake and response timeout of JMX calls, in ms (100-600000)"),
                new ConfigKey(
                        JMX_RECONNECT_MAX_MS,
                        "30000",
                        "longest wait between reconnection attempts while Cassandra is down, in ms (1000-3600000)"),
                new ConfigKey(
                        MEMORY_SOURCE,
                        "auto",
                        "memLoad from 'meminfo' (/proc/meminfo of this host: MemAvailable, page cache not counted), "
                                + "'mbean' (the Cassandra JVM's OperatingSystem MBean, counts page cache as used) "
                                + "or 'auto' (meminfo when JMX is on this host and /proc/meminfo has MemAvailable)"),
                new ConfigKey(
                        KAFKA_BOOTSTRAP_SERVERS, "127.0.0.1:9092", "Kafka bootstrap servers, host:port[,host:port...]"),
                new ConfigKey(KAFKA_ACKS, "all", "Kafka producer acks: all, -1, 1 or 0"),
                new ConfigKey(
                        KAFKA_CLIENT_PROPERTIES,
                        "",
                        "file of extra Kafka producer properties (security.protocol, sasl.*, ssl.*, ...); "
                                + "they win over the producer's own settings"),
                new ConfigKey(
                        KAFKA_BUFFER_SAMPLES,
                        "3000",
                        "samples kept while Kafka is unreachable (5 per interval); when full the oldest are "
                                + "dropped and counted (1-10000000)")));
        for (Metric metric : Metric.values()) {
            keys.add(new ConfigKey(
                    TOPIC_PREFIX + metric.defaultTopic(),
                    metric.defaultTopic(),
                    "Kafka topic of " + metric.defaultTopic()));
        }
        keys.add(new ConfigKey(
                HOSTS_TOPIC,
                "hosts",
                "compacted Kafka topic of the host-info record (datacenter, rack,"
                        + " host id, cluster, address of the node, read over JMX; docs/DATACENTERS.md), sent at start, after"
                        + " every JMX reconnect, on every change and every 60 s; empty: not sent"));
        Map<String, ConfigKey> byKey = new LinkedHashMap<>();
        keys.forEach(k -> byKey.put(k.key(), k));
        return Collections.unmodifiableMap(byKey);
    }
}
