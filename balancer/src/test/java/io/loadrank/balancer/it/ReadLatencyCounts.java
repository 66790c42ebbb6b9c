package io.loadrank.balancer.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * How many reads a Cassandra node has coordinated: the {@code Count} of its ClientRequest Read latency
 * metric, over JMX. The independent witness of the coordinators the driver reports.
 */
final class ReadLatencyCounts {

    private static final String READS = "org.apache.cassandra.metrics:type=ClientRequest,scope=Read,name=Latency";

    static {
        // never hang a test on a node that does not answer
        System.setProperty("sun.rmi.transport.connectionTimeout", "5000");
        System.setProperty("sun.rmi.transport.tcp.responseTimeout", "10000");
        System.setProperty("sun.rmi.transport.tcp.handshakeTimeout", "5000");
    }

    private ReadLatencyCounts() {}

    static long of(int jmxPort) {
        try {
            JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmxPort + "/jmxrmi");
            try (JMXConnector connector = JMXConnectorFactory.connect(url, Map.of())) {
                MBeanServerConnection server = connector.getMBeanServerConnection();
                return ((Number) server.getAttribute(new ObjectName(READS), "Count")).longValue();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + READS + " on JMX port " + jmxPort, e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + READS + " on JMX port " + jmxPort, e);
        }
    }
}
