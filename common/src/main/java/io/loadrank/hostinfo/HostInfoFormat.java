package io.loadrank.hostinfo;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import io.loadrank.message.WireFormat;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The host-info record (docs/DATACENTERS.md), written by the producers and the host simulator
 * and read by the topology. Record key: the host name; value: one UTF-8 JSON object:
 *
 * <pre>
 *   {"host":"cass-eu-1","datacenter":"eu-west","rack":"rack1","hostId":"6a0e1c2e-...","cluster":"prod","address":"10.1.2.3"}
 * </pre>
 *
 * <ul>
 *   <li>{@code host} (required): a host name of the metric wire format ({@link WireFormat#isValidHost});
 *       equal to the record key</li>
 *   <li>{@code datacenter} (required) and {@code rack}: 1-{@value #MAX_NAME_CHARS} letters, digits,
 *       '.', '-', '_' ({@link #isValidLocationName}), so that a datacenter name is safe in a file name</li>
 *   <li>{@code hostId}: a UUID</li>
 *   <li>{@code cluster}: 1-{@value #MAX_CLUSTER_CHARS} printable characters, none of {@code " ' \ < > &}</li>
 *   <li>{@code address}: an IPv4 or IPv6 literal or a DNS host name</li>
 * </ul>
 *
 * A field that is JSON {@code null} counts as absent; fields this version does not know are
 * skipped, so that a newer producer does not break an older topology. A record with no value
 * (a tombstone, which log compaction keeps for a while) deletes the host's information; a
 * tombstone under a key that is no host name (the probe written when the topic was created,
 * io.loadrank.kafka.TopicCreator) is ignored.
 */
public final class HostInfoFormat {

    /** Longest accepted record value: every field at its longest fits in well under half of it. */
    public static final int MAX_RECORD_CHARS = 2048;

    /** Longest datacenter or rack name. */
    public static final int MAX_NAME_CHARS = 64;

    /** Longest cluster name. */
    public static final int MAX_CLUSTER_CHARS = 128;

    private HostInfoFormat() {}

    // ------------------------------------------------------------------------------------------
    // encoding

    /** The record value of {@code info}: fields in a fixed order, absent ones left out. */
    public static String encode(HostInfo info) {
        StringWriter out = new StringWriter(128);
        try (JsonWriter json = new JsonWriter(out)) {
            json.beginObject();
            json.name("host").value(info.host());
            json.name("datacenter").value(info.datacenter());
            optional(json, "rack", info.rack());
            optional(json, "hostId", info.hostId());
            optional(json, "cluster", info.cluster());
            optional(json, "address", info.address());
            json.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        return out.toString();
    }

    private static void optional(JsonWriter json, String name, String value) throws IOException {
        if (value != null) {
            json.name(name).value(value);
        }
    }

    // ------------------------------------------------------------------------------------------
    // parsing

    /**
     * Parses one record.
     *
     * @param key   the record key (the host name), or null when the record has none (a compacted
     *              topic refuses such records, so only a hand-made one lacks it: then not checked)
     * @param value the record value, or null for a tombstone: it deletes the info of the host named
     *              by the key, and is ignored under any other key (topic creation's probe)
     */
    public static HostInfoResult parse(String key, String value) {
        if (value == null) {
            if (WireFormat.isValidHost(key)) {
                return new HostInfoResult.Deleted(key);
            }
            return new HostInfoResult.Ignored("a tombstone under a key that is no host name");
        }
        if (value.length() > MAX_RECORD_CHARS) {
            return malformed(
                    HostInfoMalformedReason.OVERSIZED, value.length() + " characters, at most " + MAX_RECORD_CHARS);
        }
        String[] fields = new String[Field.values().length];
        try (JsonReader json = new JsonReader(new StringReader(value))) {
            json.setStrictness(Strictness.STRICT);
            json.beginObject();
            while (json.hasNext()) {
                String name = json.nextName();
                Field field = Field.named(name);
                if (field == null) {
                    json.skipValue();
                    continue;
                }
                if (fields[field.ordinal()] != null) {
                    return malformed(HostInfoMalformedReason.BAD_JSON, "field '" + name + "' appears twice");
                }
                JsonToken token = json.peek();
                if (token == JsonToken.NULL) {
                    json.nextNull();
                } else if (token == JsonToken.STRING) {
                    fields[field.ordinal()] = json.nextString();
                } else {
                    return malformed(
                            HostInfoMalformedReason.BAD_JSON, "field '" + name + "' is " + token + ", not a string");
                }
            }
            json.endObject();
            if (json.peek() != JsonToken.END_DOCUMENT) {
                return malformed(HostInfoMalformedReason.BAD_JSON, "text after the JSON object");
            }
        } catch (IOException | IllegalStateException | NumberFormatException e) {
            // MalformedJsonException is an IOException; a wrong token type an IllegalStateException
            return malformed(
                    HostInfoMalformedReason.BAD_JSON,
                    "not one JSON object: " + printable(String.valueOf(e.getMessage())));
        }
        String host = fields[Field.HOST.ordinal()];
        String datacenter = fields[Field.DATACENTER.ordinal()];
        String rack = fields[Field.RACK.ordinal()];
        String hostId = fields[Field.HOST_ID.ordinal()];
        String cluster = fields[Field.CLUSTER.ordinal()];
        String address = fields[Field.ADDRESS.ordinal()];
        HostInfoMalformedReason problem = problem(host, datacenter, rack, hostId, cluster, address);
        if (problem == null && key != null && !key.equals(host)) {
            problem = HostInfoMalformedReason.KEY_MISMATCH;
        }
        if (problem != null) {
            return malformed(problem, detail(problem, key, host, datacenter, rack, hostId, cluster, address));
        }
        return new HostInfoResult.Valid(new HostInfo(host, datacenter, rack, hostId, cluster, address));
    }

    /** The first problem of these field values, in the order of {@link HostInfoMalformedReason}; null if none. */
    static HostInfoMalformedReason problem(
            String host, String datacenter, String rack, String hostId, String cluster, String address) {
        if (host == null) {
            return HostInfoMalformedReason.MISSING_HOST;
        }
        if (!WireFormat.isValidHost(host)) {
            return HostInfoMalformedReason.BAD_HOST;
        }
        if (datacenter == null) {
            return HostInfoMalformedReason.MISSING_DATACENTER;
        }
        if (!isValidLocationName(datacenter)) {
            return HostInfoMalformedReason.BAD_DATACENTER;
        }
        if (rack != null && !isValidLocationName(rack)) {
            return HostInfoMalformedReason.BAD_RACK;
        }
        if (hostId != null && !isValidUuid(hostId)) {
            return HostInfoMalformedReason.BAD_HOST_ID;
        }
        if (cluster != null && !isValidClusterName(cluster)) {
            return HostInfoMalformedReason.BAD_CLUSTER;
        }
        if (address != null && !isValidAddress(address)) {
            return HostInfoMalformedReason.BAD_ADDRESS;
        }
        return null;
    }

    private static String detail(
            HostInfoMalformedReason reason,
            String key,
            String host,
            String datacenter,
            String rack,
            String hostId,
            String cluster,
            String address) {
        return switch (reason) {
            case MISSING_HOST -> "no host field";
            case BAD_HOST ->
                "host '" + printable(host) + "' is not 1-" + WireFormat.MAX_HOST_CHARS
                        + " letters, digits, '.', '-', '_', ':'";
            case KEY_MISMATCH -> "record key '" + printable(key) + "' is not the host '" + printable(host) + "'";
            case MISSING_DATACENTER -> "host " + host + " has no datacenter field";
            case BAD_DATACENTER ->
                "datacenter '" + printable(datacenter) + "' is not 1-" + MAX_NAME_CHARS
                        + " letters, digits, '.', '-', '_'";
            case BAD_RACK ->
                "rack '" + printable(rack) + "' is not 1-" + MAX_NAME_CHARS + " letters, digits, '.', '-', '_'";
            case BAD_HOST_ID -> "hostId '" + printable(hostId) + "' is not a UUID";
            case BAD_CLUSTER ->
                "cluster '" + printable(cluster) + "' is not 1-" + MAX_CLUSTER_CHARS
                        + " printable characters without \" ' \\ < > &";
            case BAD_ADDRESS -> "address '" + printable(address) + "' is neither an IP literal nor a host name";
            default -> reason.label();
        };
    }

    // ------------------------------------------------------------------------------------------
    // field rules

    /**
     * True if {@code name} may be a datacenter or rack name: 1-{@value #MAX_NAME_CHARS} letters,
     * digits, '.', '-', '_'. Such a name never holds a path separator, so it is safe inside a file
     * name (a file name made from it must still be checked to stay in its directory: "..").
     */
    public static boolean isValidLocationName(CharSequence name) {
        if (name == null || name.length() < 1 || name.length() > MAX_NAME_CHARS) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(isAsciiLetterOrDigit(c) || c == '.' || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** True for a UUID in the canonical 8-4-4-4-12 hexadecimal form, either case. */
    public static boolean isValidUuid(CharSequence text) {
        if (text == null || text.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = text.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : !isHexDigit(c)) {
                return false;
            }
        }
        return true;
    }

    static boolean isValidClusterName(String name) {
        if (name.isEmpty() || name.length() > MAX_CLUSTER_CHARS || name.isBlank()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20
                    || c == 0x7f
                    || (c >= 0x80 && c < 0xa0)
                    || c == 0x2028
                    || c == 0x2029
                    || c == '"'
                    || c == '\''
                    || c == '\\'
                    || c == '<'
                    || c == '>'
                    || c == '&') {
                return false;
            }
        }
        return true;
    }

    /** True for an IPv4 literal, an IPv6 literal (no brackets, no zone) or a DNS host name. */
    public static boolean isValidAddress(String address) {
        if (address == null || address.isEmpty() || address.length() > WireFormat.MAX_HOST_CHARS) {
            return false;
        }
        if (address.indexOf(':') >= 0) {
            return isIpv6Literal(address);
        }
        if (looksNumeric(address)) {
            return isIpv4Literal(address, 0, address.length());
        }
        return isDnsName(address);
    }

    private static boolean looksNumeric(String address) {
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '.') {
                return false;
            }
        }
        return true;
    }

    private static boolean isIpv4Literal(String text, int from, int to) {
        int octets = 0;
        int start = from;
        for (int i = from; i <= to; i++) {
            if (i == to || text.charAt(i) == '.') {
                int length = i - start;
                if (length < 1 || length > 3 || (length > 1 && text.charAt(start) == '0')) {
                    return false;
                }
                int value = 0;
                for (int j = start; j < i; j++) {
                    char c = text.charAt(j);
                    if (c < '0' || c > '9') {
                        return false;
                    }
                    value = value * 10 + (c - '0');
                }
                if (value > 255) {
                    return false;
                }
                octets++;
                start = i + 1;
            }
        }
        return octets == 4;
    }

    private static boolean isIpv6Literal(String text) {
        if (text.length() < 2 || text.length() > 45) {
            return false;
        }
        int doubleColon = text.indexOf("::");
        if (doubleColon < 0) {
            int groups = ipv6Groups(text, true);
            return groups == 8;
        }
        if (text.indexOf("::", doubleColon + 1) >= 0) {
            return false;
        }
        String left = text.substring(0, doubleColon);
        String right = text.substring(doubleColon + 2);
        int leftGroups = left.isEmpty() ? 0 : ipv6Groups(left, false);
        int rightGroups = right.isEmpty() ? 0 : ipv6Groups(right, true);
        return leftGroups >= 0 && rightGroups >= 0 && leftGroups + rightGroups <= 7;
    }

    /**
     * The number of 16-bit groups in {@code part} (colon-separated groups of 1-4 hex digits; an
     * IPv4 address at the end, where allowed, counts as two), or -1 if it is not of that form.
     */
    private static int ipv6Groups(String part, boolean ipv4AtEnd) {
        String[] groups = part.split(":", -1);
        int count = 0;
        for (int g = 0; g < groups.length; g++) {
            String group = groups[g];
            if (ipv4AtEnd && g == groups.length - 1 && group.indexOf('.') >= 0) {
                if (!isIpv4Literal(group, 0, group.length())) {
                    return -1;
                }
                count += 2;
                continue;
            }
            if (group.isEmpty() || group.length() > 4) {
                return -1;
            }
            for (int i = 0; i < group.length(); i++) {
                if (!isHexDigit(group.charAt(i))) {
                    return -1;
                }
            }
            count++;
        }
        return count;
    }

    private static boolean isHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean isDnsName(String name) {
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        int start = 0;
        for (int i = 0; i <= name.length(); i++) {
            if (i == name.length() || name.charAt(i) == '.') {
                int length = i - start;
                if (length < 1 || length > 63 || name.charAt(start) == '-' || name.charAt(i - 1) == '-') {
                    return false;
                }
                start = i + 1;
            } else {
                char c = name.charAt(i);
                if (!(isAsciiLetterOrDigit(c) || c == '-')) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static String printable(String text) {
        return text == null ? "" : WireFormat.printable(text, 0, text.length());
    }

    private static HostInfoResult malformed(HostInfoMalformedReason reason, String detail) {
        return new HostInfoResult.Malformed(reason, detail);
    }

    /** The fields this version knows, by their JSON names. */
    private enum Field {
        HOST("host"),
        DATACENTER("datacenter"),
        RACK("rack"),
        HOST_ID("hostId"),
        CLUSTER("cluster"),
        ADDRESS("address");

        private final String json;

        Field(String json) {
            this.json = json;
        }

        static Field named(String name) {
            for (Field field : values()) {
                if (field.json.equals(name)) {
                    return field;
                }
            }
            return null;
        }
    }
}
