package io.loadrank.producer.hostinfo;

import io.loadrank.hostinfo.HostInfo;
import io.loadrank.hostinfo.HostInfoFormat;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one reading of a node's MBeans into the host-info record (docs/DATACENTERS.md). The
 * datacenter is required: without one there is no record. An optional value that the record
 * format does not accept (a rack name with a space, say) is left out and named in one log line,
 * rather than losing the whole record.
 */
public final class HostInfoCollector implements HostInfoReceiver {

    private static final Logger LOG = LoggerFactory.getLogger(HostInfoCollector.class);

    private final String host;
    private final Set<String> reported = new HashSet<>();
    private Map<String, ?> snitch = Map.of();
    private Map<String, ?> storage = Map.of();

    /** @param host the host name the producer sends its samples with */
    public HostInfoCollector(String host) {
        this.host = host;
    }

    /** Forgets the previous reading. */
    public void begin() {
        snitch = Map.of();
        storage = Map.of();
    }

    @Override
    public void snitch(Map<String, ?> attributes) {
        snitch = attributes;
    }

    @Override
    public void storageService(Map<String, ?> attributes) {
        storage = attributes;
    }

    /** The record of this reading; empty without a valid datacenter. */
    public Optional<HostInfo> result() {
        String datacenter = text(snitch.get("Datacenter"));
        if (datacenter == null || !HostInfoFormat.isValidLocationName(datacenter)) {
            if (datacenter != null) {
                reportOnce("datacenter", datacenter);
            }
            return Optional.empty();
        }
        String rack = valid("rack", text(snitch.get("Rack")), HostInfoFormat::isValidLocationName);
        String hostId = valid("hostId", text(storage.get("LocalHostId")), HostInfoFormat::isValidUuid);
        String cluster = text(storage.get("ClusterName"));
        if (cluster != null && !isValidCluster(cluster)) {
            reportOnce("cluster", cluster);
            cluster = null;
        }
        String address = null;
        if (hostId != null && storage.get("HostIdToEndpoint") instanceof Map<?, ?> endpoints) {
            address = valid("address", address(endpoints, hostId), HostInfoFormat::isValidAddress);
        }
        return Optional.of(new HostInfo(host, datacenter, rack, hostId, cluster, address));
    }

    /** The address of {@code hostId} in Cassandra's host id map (either case of the id; "/" and a port dropped). */
    static String address(Map<?, ?> endpoints, String hostId) {
        Object endpoint = null;
        for (Map.Entry<?, ?> entry : endpoints.entrySet()) {
            if (hostId.equalsIgnoreCase(String.valueOf(entry.getKey()))) {
                endpoint = entry.getValue();
            }
        }
        String text = text(endpoint);
        if (text == null) {
            return null;
        }
        int slash = text.indexOf('/');
        if (slash >= 0) {
            text = text.substring(slash + 1);
        }
        // "10.1.2.3:7000" (the WithPort form) or "[2001:db8::1]:7000"
        if (text.startsWith("[") && text.indexOf(']') > 0) {
            text = text.substring(1, text.indexOf(']'));
        } else if (text.indexOf(':') == text.lastIndexOf(':') && text.indexOf(':') > 0) {
            text = text.substring(0, text.indexOf(':'));
        }
        return text;
    }

    private static boolean isValidCluster(String cluster) {
        try {
            new HostInfo("h", "dc", null, null, cluster, null);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private String valid(String field, String value, java.util.function.Predicate<String> rule) {
        if (value == null || rule.test(value)) {
            return value;
        }
        reportOnce(field, value);
        return null;
    }

    private void reportOnce(String field, String value) {
        if (reported.add(field)) {
            LOG.warn(
                    "Cassandra's {} '{}' is not valid in a host-info record (docs/DATACENTERS.md); {} (reported once)",
                    field,
                    io.loadrank.message.WireFormat.printable(value, 0, value.length()),
                    field.equals("datacenter") ? "no host info is sent, metrics are" : "it is left out");
        }
    }

    private static String text(Object value) {
        return value instanceof String text && !text.isEmpty() ? text : null;
    }
}
