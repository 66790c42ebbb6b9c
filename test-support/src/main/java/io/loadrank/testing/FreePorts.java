package io.loadrank.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Free TCP ports on 127.0.0.1, chosen by the operating system. Several people run tests on the same
 * machine at once, so tests never use fixed ports. A port is free when chosen, not reserved: a server
 * that then fails to bind should be retried on new ports (as {@link KafkaBroker#start} does).
 */
public final class FreePorts {

    private FreePorts() {}

    /** One free port. */
    public static int one() {
        return several(1)[0];
    }

    /** {@code count} distinct free ports: all sockets are held open together, so none repeats. */
    public static int[] several(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count=" + count + " is not allowed: it must be at least 1");
        }
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket();
                sockets.add(socket);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find " + count + " free ports on 127.0.0.1", e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot release port " + socket.getLocalPort(), e);
                }
            }
        }
    }
}
