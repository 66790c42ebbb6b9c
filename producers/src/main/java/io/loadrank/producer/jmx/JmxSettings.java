package io.loadrank.producer.jmx;

import java.time.Duration;

/**
 * Where and how to reach a Cassandra node's JMX server.
 *
 * @param username null for no authentication
 * @param password the password of {@code username}; never printed ({@link #toString()} hides it)
 * @param ssl      JMX over TLS: the RMI registry and the connection (like {@code nodetool --ssl}); the
 *                 trust store comes from the {@code javax.net.ssl.trustStore} system properties
 * @param timeout  connect, handshake and response timeout of every JMX call
 */
public record JmxSettings(String host, int port, String username, String password, boolean ssl, Duration timeout) {

    public String serviceUrl() {
        String address = host.indexOf(':') >= 0 ? "[" + host + "]" : host; // IPv6 literal
        return "service:jmx:rmi:///jndi/rmi://" + address + ":" + port + "/jmxrmi";
    }

    @Override
    public String toString() {
        return serviceUrl() + (username == null ? "" : " as " + username) + (ssl ? " over TLS" : "");
    }
}
