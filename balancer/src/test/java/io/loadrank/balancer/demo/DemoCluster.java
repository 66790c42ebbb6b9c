package io.loadrank.balancer.demo;

import io.loadrank.cli.NotAllowedConversion;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/** The options every demo program needs to reach the demo's Cassandra cluster (a picocli mixin). */
final class DemoCluster {

    @Option(
            names = "--contact-points",
            required = true,
            paramLabel = "HOST:PORT[,HOST:PORT...]",
            converter = AddressList.class,
            description = "CQL addresses of the cluster's nodes")
    List<InetSocketAddress> contactPoints;

    @Option(names = "--datacenter", required = true, paramLabel = "DC", description = "the local datacenter")
    String datacenter;

    @Option(
            names = "--keyspace",
            defaultValue = "steer_demo",
            paramLabel = "KS",
            description = "the demo's keyspace (default: ${DEFAULT-VALUE})")
    String keyspace;

    /** {@code host:port[,host:port...]}, each port a whole number. */
    static final class AddressList implements ITypeConverter<List<InetSocketAddress>> {

        static final String ALLOWED = "host:port[,host:port...]";

        @Override
        public List<InetSocketAddress> convert(String text) {
            List<InetSocketAddress> addresses = new ArrayList<>();
            for (String each : text.split(",", -1)) {
                int colon = each.lastIndexOf(':');
                int port = colon <= 0 ? -1 : port(each.substring(colon + 1));
                if (port < 0) {
                    throw new NotAllowedConversion(text, ALLOWED);
                }
                addresses.add(new InetSocketAddress(each.substring(0, colon), port));
            }
            return addresses;
        }

        /** The port, or -1 when the text is not one. */
        private static int port(String text) {
            if (!text.matches("\\d{1,5}")) {
                return -1;
            }
            int port = Integer.parseInt(text);
            return port <= 65_535 ? port : -1;
        }
    }
}
