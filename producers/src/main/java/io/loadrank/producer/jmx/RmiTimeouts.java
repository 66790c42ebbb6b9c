package io.loadrank.producer.jmx;

import java.time.Duration;

/**
 * The JDK's RMI transport waits for ever by default: for the reply to a call
 * ({@code sun.rmi.transport.tcp.responseTimeout} = 0) and a minute for the protocol handshake.
 * A Cassandra that is stuck in a long GC or hung would then stall the producer's poll worker.
 * These are JVM-wide properties, read once when RMI is first used, so they are set before the
 * first connection and the first value wins; a value the user set with -D is kept.
 */
public final class RmiTimeouts {

    private RmiTimeouts() {}

    public static synchronized void install(Duration timeout) {
        String millis = Long.toString(Math.max(1, timeout.toMillis()));
        for (String property : new String[] {
            "sun.rmi.transport.tcp.responseTimeout",
            "sun.rmi.transport.tcp.handshakeTimeout",
            "sun.rmi.transport.proxy.connectTimeout"
        }) {
            if (System.getProperty(property) == null) {
                System.setProperty(property, millis);
            }
        }
    }
}
