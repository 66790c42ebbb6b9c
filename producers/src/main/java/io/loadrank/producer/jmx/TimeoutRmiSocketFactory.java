package io.loadrank.producer.jmx;

import java.io.IOException;
import java.io.Serializable;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.rmi.server.RMIClientSocketFactory;
import javax.net.ssl.SSLSocketFactory;

/**
 * Sockets for the RMI registry lookup with a connect timeout and a read timeout, optionally TLS.
 * Without them a host that accepts the TCP connection and then never answers (a hung JVM, a
 * firewall that black-holes) blocks the lookup for ever. Passed to JNDI as
 * {@code com.sun.jndi.rmi.factory.socket}.
 */
final class TimeoutRmiSocketFactory implements RMIClientSocketFactory, Serializable {

    private static final long serialVersionUID = 1L;

    private final int timeoutMillis;
    private final boolean ssl;

    TimeoutRmiSocketFactory(int timeoutMillis, boolean ssl) {
        this.timeoutMillis = timeoutMillis;
        this.ssl = ssl;
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            if (!ssl) {
                return socket;
            }
            Socket tls = ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(socket, host, port, true);
            tls.setSoTimeout(timeoutMillis);
            return tls;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TimeoutRmiSocketFactory that && that.timeoutMillis == timeoutMillis && that.ssl == ssl;
    }

    @Override
    public int hashCode() {
        return timeoutMillis * 31 + (ssl ? 1 : 0);
    }
}
