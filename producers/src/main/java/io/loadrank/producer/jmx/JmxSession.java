package io.loadrank.producer.jmx;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JMX connection to a Cassandra node, opened on demand and dropped when a call fails.
 * Used by one thread at a time (the producer's poll worker).
 */
public final class JmxSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JmxSession.class);

    private final JmxSettings settings;
    private JMXConnector connector;
    private MBeanServerConnection connection;
    private long connections;

    public JmxSession(JmxSettings settings) {
        this.settings = settings;
        RmiTimeouts.install(settings.timeout());
    }

    public JmxSettings settings() {
        return settings;
    }

    /**
     * The open connection, connecting first if there is none.
     *
     * @throws IOException       the node cannot be reached (down, restarting, not answering in time)
     * @throws SecurityException the node refused the credentials
     */
    public MBeanServerConnection connection() throws IOException {
        if (connection == null) {
            Map<String, Object> env = new HashMap<>();
            int timeoutMillis =
                    (int) Math.min(Integer.MAX_VALUE, settings.timeout().toMillis());
            env.put("com.sun.jndi.rmi.factory.socket", new TimeoutRmiSocketFactory(timeoutMillis, settings.ssl()));
            // no heartbeat thread: every poll is a call, and a failed call is how a broken connection shows
            env.put("jmx.remote.x.client.connection.check.period", 0L);
            if (settings.username() != null) {
                env.put(JMXConnector.CREDENTIALS, new String[] {settings.username(), settings.password()});
            }
            JMXConnector opened = JMXConnectorFactory.connect(new JMXServiceURL(settings.serviceUrl()), env);
            try {
                connection = opened.getMBeanServerConnection();
            } catch (IOException | RuntimeException e) {
                closeQuietly(opened);
                throw e;
            }
            connector = opened;
            connections++;
            if (connections == 1) {
                // later connections are reconnects, which the outage's end line reports
                LOG.info("JMX connected to {}", settings);
            }
        }
        return connection;
    }

    /** How many connections were opened so far: a new number after every reconnect. */
    public long connections() {
        return connections;
    }

    public boolean isConnected() {
        return connection != null;
    }

    /** Drops the connection (after a failed call); the next {@link #connection()} opens a new one. */
    public void disconnect() {
        JMXConnector old = connector;
        connector = null;
        connection = null;
        if (old != null) {
            closeQuietly(old);
        }
    }

    @Override
    public void close() {
        disconnect();
    }

    private static void closeQuietly(JMXConnector connector) {
        try {
            connector.close();
        } catch (IOException | RuntimeException e) {
            // the connection is already broken, which is why it is being closed
            LOG.debug("closing a broken JMX connection failed: {}", e.toString());
        }
    }

    /** For log lines: the address only, never the credentials. */
    @Override
    public String toString() {
        return settings.toString();
    }
}
