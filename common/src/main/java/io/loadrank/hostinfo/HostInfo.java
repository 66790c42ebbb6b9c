package io.loadrank.hostinfo;

import java.io.Serializable;
import java.util.Locale;

/**
 * Where a database host is and who it is: the content of one host-info record
 * (docs/DATACENTERS.md). Every field is checked when a {@code HostInfo} is made, so one in hand
 * is always valid: its datacenter and rack names are safe in a file name, its address is an IP
 * literal or a host name, its host id is a UUID in canonical lower-case form.
 *
 * @param host       the host name, as in the metric wire format (the record key)
 * @param datacenter the Cassandra datacenter, required
 * @param rack       the rack within the datacenter, or null
 * @param hostId     the Cassandra host id (a UUID), or null
 * @param cluster    the Cassandra cluster name, or null
 * @param address    the host's address (IP literal or host name), or null
 * @throws IllegalArgumentException naming the field that is not valid
 */
public record HostInfo(String host, String datacenter, String rack, String hostId, String cluster, String address)
        implements Serializable {

    public HostInfo {
        HostInfoMalformedReason problem = HostInfoFormat.problem(host, datacenter, rack, hostId, cluster, address);
        if (problem != null) {
            throw new IllegalArgumentException("not valid host info (" + problem.label() + "): host="
                    + printable(host) + " datacenter=" + printable(datacenter) + " rack=" + printable(rack)
                    + " hostId=" + printable(hostId) + " cluster=" + printable(cluster) + " address="
                    + printable(address));
        }
        if (hostId != null) {
            hostId = hostId.toLowerCase(Locale.ROOT);
        }
    }

    /** The same host with only host and datacenter, for tests and callers that know nothing more. */
    public static HostInfo of(String host, String datacenter) {
        return new HostInfo(host, datacenter, null, null, null, null);
    }

    private static String printable(String value) {
        return value == null ? "null" : "'" + io.loadrank.message.WireFormat.printable(value, 0, value.length()) + "'";
    }
}
