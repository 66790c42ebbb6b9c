package io.loadrank.slice;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The value of a slice's record on the rankings topic, one UTF-8 JSON object (docs/OUTPUT.md):
 *
 * <pre>
 * {"cluster":"c1","datacenter":"north","rankedAtMillis":1795342504030,"windowsAtMillis":1795342504012,
 *  "windowSecs":60,"emitSecs":2,"part":0,"parts":1,"topics":["cpuLoad","memLoad"],"weights":[1,1],
 *  "hostFields":["host","rank","score","load","fleetRank","fleetScore","incomplete","lastSeenMillis","hostId",
 *                "address","rack","averages"],
 *  "hosts":[["C",1,54.17,1.083,1,41.11,false,1795342503500,null,null,null,[20,50]], ...],
 *  "staleFields":["host","lastSeenMillis","hostId","address","rack"],
 *  "stale":[["D",1795342502000,null,null,null]]}
 * </pre>
 *
 * <p>Each host is an array whose members {@code hostFields} names, once per record rather than once
 * per host: at 100,000 hosts the names would be most of the bytes. A reader finds a member by its
 * name, so a newer writer may add fields; the averages are in the order of {@code topics}, null where
 * a host has none. Scores and loads carry 4 significant digits, averages 5.
 *
 * <p>A slice whose record would pass {@code maxBytes} is written in parts ({@link SlicePart}), each
 * with the whole header and a run of the hosts, then of the stale hosts, in ranking order.
 */
public final class SliceRecordFormat {

    /**
     * Largest record value written: Kafka's producer refuses a record above 1,048,576 bytes by default
     * ({@code max.request.size}, key and headers included) and its broker one above about 1 MB
     * ({@code message.max.bytes}); no limit is raised anywhere to carry a larger one.
     */
    public static final int MAX_RECORD_BYTES = 1_000_000;

    static final List<String> HOST_FIELDS = List.of(
            "host",
            "rank",
            "score",
            "load",
            "fleetRank",
            "fleetScore",
            "incomplete",
            "lastSeenMillis",
            "hostId",
            "address",
            "rack",
            "averages");
    static final List<String> STALE_FIELDS = List.of("host", "lastSeenMillis", "hostId", "address", "rack");

    private static final int SCORE_DIGITS = 4;
    private static final int AVERAGE_DIGITS = 5;
    /** Room in a header for any part and parts numbers. */
    private static final int PART_DIGITS_ROOM = 2 * 10;

    private SliceRecordFormat() {}

    // ------------------------------------------------------------------------------------------
    // writing

    /** The record values of {@code ranking}: one, or several parts each of at most {@link #MAX_RECORD_BYTES}. */
    public static List<String> write(SliceRanking ranking) {
        return write(ranking, MAX_RECORD_BYTES);
    }

    /**
     * The record values of {@code ranking}, each of at most {@code maxBytes} UTF-8 bytes.
     *
     * @throws IllegalArgumentException when the header and a single host do not fit in {@code maxBytes}
     */
    public static List<String> write(SliceRanking ranking, int maxBytes) {
        return render(ranking).parts(maxBytes);
    }

    /** {@code ranking}'s rows made text, once, for its record parts and its whole file alike. */
    public static Rendered render(SliceRanking ranking) {
        ArrayList<String> hostRows = new ArrayList<>(ranking.hosts().size());
        StringBuilder row = new StringBuilder(256);
        for (SliceHost host : ranking.hosts()) {
            row.setLength(0);
            hostRow(host, ranking.topics().size(), row);
            hostRows.add(row.toString());
        }
        ArrayList<String> staleRows = new ArrayList<>(ranking.stale().size());
        for (SliceStaleHost host : ranking.stale()) {
            row.setLength(0);
            staleRow(host, row);
            staleRows.add(row.toString());
        }
        return new Rendered(ranking, hostRows, staleRows);
    }

    /** Every ranking of {@code rankings} rendered, same order. */
    public static List<Rendered> render(List<SliceRanking> rankings) {
        ArrayList<Rendered> rendered = new ArrayList<>(rankings.size());
        for (SliceRanking ranking : rankings) {
            rendered.add(render(ranking));
        }
        return rendered;
    }

    /**
     * A slice ranking whose rows are text: formatting the numbers of every host is most of the cost of
     * a record, and the rankings topic and the slice's file carry the same rows, so they are made once
     * and only joined per output. Immutable.
     */
    public static final class Rendered {
        private final SliceRanking ranking;
        private final List<String> hostRows;
        private final List<String> staleRows;

        private Rendered(SliceRanking ranking, List<String> hostRows, List<String> staleRows) {
            this.ranking = ranking;
            this.hostRows = hostRows;
            this.staleRows = staleRows;
        }

        public SliceRanking ranking() {
            return ranking;
        }

        /** The whole ranking as one value, of any size: the slice's file. */
        public String whole() {
            return parts(Integer.MAX_VALUE).get(0);
        }

        /**
         * The record values, each of at most {@code maxBytes} UTF-8 bytes.
         *
         * @throws IllegalArgumentException when the header and a single host do not fit in {@code maxBytes}
         */
        public List<String> parts(int maxBytes) {
            String sample = header(ranking, 0, 1);
            long fixedBytes = utf8Length(sample)
                    + PART_DIGITS_ROOM
                    + "\"hosts\":[],\"stale\":[]}".length()
                    + utf8Length(fieldsMember("staleFields", STALE_FIELDS))
                    + 1;
            long budget = maxBytes - fixedBytes;

            // cut the rows into runs that fit, hosts first and then stale hosts, in order
            ArrayList<int[]> cuts = new ArrayList<>(); // per part: {firstHost, endHost, firstStale, endStale}
            int[] current = {0, 0, 0, 0};
            long used = 0;
            for (int i = 0; i < hostRows.size(); i++) {
                int size = hostRows.get(i).length() + 1; // host rows are ASCII: host names, ids, addresses, racks
                if (size > budget) {
                    throw new IllegalArgumentException("one host does not fit in a record of " + maxBytes + " bytes");
                }
                if (used + size > budget) {
                    cuts.add(current);
                    current = new int[] {i, i, 0, 0};
                    used = 0;
                }
                current[1] = i + 1;
                used += size;
            }
            for (int i = 0; i < staleRows.size(); i++) {
                int size = staleRows.get(i).length() + 1;
                if (size > budget) {
                    throw new IllegalArgumentException("one host does not fit in a record of " + maxBytes + " bytes");
                }
                if (used + size > budget) {
                    cuts.add(current);
                    current = new int[] {hostRows.size(), hostRows.size(), i, i};
                    used = 0;
                }
                current[3] = i + 1;
                used += size;
            }
            cuts.add(current);

            ArrayList<String> parts = new ArrayList<>(cuts.size());
            for (int p = 0; p < cuts.size(); p++) {
                int[] cut = cuts.get(p);
                StringBuilder value = new StringBuilder((int) Math.min(maxBytes, 1L << 20));
                String head = header(ranking, p, cuts.size());
                value.append(head, 0, head.length() - 1).append(",\"hosts\":[");
                join(hostRows, cut[0], cut[1], value);
                value.append("],")
                        .append(fieldsMember("staleFields", STALE_FIELDS))
                        .append(",\"stale\":[");
                join(staleRows, cut[2], cut[3], value);
                value.append("]}");
                parts.add(value.toString());
            }
            return parts;
        }
    }

    /** The members before the hosts, as a whole object: {@code {"cluster":...,"hostFields":[...]}}. */
    private static String header(SliceRanking ranking, int part, int parts) {
        StringWriter out = new StringWriter(512);
        try (JsonWriter json = new JsonWriter(out)) {
            json.setSerializeNulls(true);
            json.beginObject();
            json.name("cluster").value(ranking.slice().cluster());
            json.name("datacenter").value(ranking.slice().datacenter());
            json.name("rankedAtMillis").value(ranking.rankedAtMillis());
            json.name("windowsAtMillis").value(ranking.windowsAtMillis());
            json.name("windowSecs").value(ranking.windowSecs());
            json.name("emitSecs").value(ranking.emitSecs());
            json.name("part").value(part);
            json.name("parts").value(parts);
            json.name("topics").beginArray();
            for (String topic : ranking.topics()) {
                json.value(topic);
            }
            json.endArray();
            json.name("weights").beginArray();
            for (double weight : ranking.weights()) {
                json.jsonValue(Decimals.significant(weight, AVERAGE_DIGITS));
            }
            json.endArray();
            json.name("hostFields").beginArray();
            for (String field : HOST_FIELDS) {
                json.value(field);
            }
            json.endArray();
            json.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        return out.toString();
    }

    private static String fieldsMember(String name, List<String> fields) {
        StringBuilder member = new StringBuilder(96).append('"').append(name).append("\":[");
        for (int i = 0; i < fields.size(); i++) {
            member.append(i == 0 ? "\"" : ",\"").append(fields.get(i)).append('"');
        }
        return member.append(']').toString();
    }

    private static void hostRow(SliceHost host, int topicCount, StringBuilder row) {
        row.append('[');
        string(host.host(), row);
        row.append(',').append(host.rank());
        row.append(',').append(Decimals.significant(host.score(), SCORE_DIGITS));
        row.append(',').append(Decimals.significant(host.load(), SCORE_DIGITS));
        row.append(',').append(host.fleetRank());
        row.append(',');
        if (Double.isNaN(host.fleetScore())) {
            row.append("null");
        } else {
            row.append(Decimals.significant(host.fleetScore(), SCORE_DIGITS));
        }
        row.append(',').append(host.incomplete());
        row.append(',').append(host.lastSeenMillis());
        row.append(',');
        string(host.hostId(), row);
        row.append(',');
        string(host.address(), row);
        row.append(',');
        string(host.rack(), row);
        row.append(",[");
        double[] averages = host.averages();
        for (int t = 0; t < topicCount; t++) {
            if (t > 0) {
                row.append(',');
            }
            double average = t < averages.length ? averages[t] : Double.NaN;
            row.append(Double.isNaN(average) ? "null" : Decimals.significant(average, AVERAGE_DIGITS));
        }
        row.append("]]");
    }

    private static void staleRow(SliceStaleHost host, StringBuilder row) {
        row.append('[');
        string(host.host(), row);
        row.append(',').append(host.lastSeenMillis()).append(',');
        string(host.hostId(), row);
        row.append(',');
        string(host.address(), row);
        row.append(',');
        string(host.rack(), row);
        row.append(']');
    }

    /**
     * A JSON string, or null. Host names, ids, addresses and racks are checked where they come in and
     * hold no character that needs escaping, but a record must stay JSON whatever it is handed, and
     * must stay ASCII for the size count above.
     */
    private static void string(String text, StringBuilder out) {
        if (text == null) {
            out.append("null");
            return;
        }
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    private static void join(List<String> rows, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            if (i > from) {
                out.append(',');
            }
            out.append(rows.get(i));
        }
    }

    /** Bytes of {@code text} in UTF-8. */
    public static int utf8Length(String text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    // ------------------------------------------------------------------------------------------
    // reading

    /**
     * Reads one record value.
     *
     * @throws SliceRecordException when it is not a slice part: not JSON, a required member missing or
     *                              of the wrong type, a part number out of range
     */
    public static SlicePart read(String value) throws SliceRecordException {
        if (value == null) {
            throw new SliceRecordException("a tombstone is not a ranking");
        }
        try (JsonReader json = new JsonReader(new StringReader(value))) {
            return read(json);
        } catch (IOException | IllegalStateException | NumberFormatException e) {
            throw new SliceRecordException("not a slice record: " + e.getMessage(), e);
        }
    }

    /**
     * Reads the value of the record keyed {@code key}, which must be the part its key names: a value
     * filed under another key would, on the compacted topic, replace the record of a slice it is not.
     *
     * @throws SliceRecordException as {@link #read(String)}, and when the value is another part or slice
     */
    public static SlicePart read(SliceKey key, String value) throws SliceRecordException {
        SlicePart part = read(value);
        if (!part.key().equals(key)) {
            throw new SliceRecordException("its value is part " + part.part() + " of slice "
                    + part.ranking().slice() + ", its key part " + key.part() + " of " + key.slice());
        }
        return part;
    }

    private static SlicePart read(JsonReader json) throws IOException, SliceRecordException {
        String cluster = null;
        String datacenter = null;
        Long rankedAtMillis = null;
        long windowsAtMillis = 0;
        int windowSecs = 0;
        int emitSecs = 0;
        Integer part = null;
        Integer parts = null;
        List<String> topics = null;
        double[] weights = null;
        List<String> hostFields = null;
        List<String> staleFields = null;
        List<List<Object>> hostRows = null;
        List<List<Object>> staleRows = null;
        json.beginObject();
        while (json.hasNext()) {
            String name = json.nextName();
            switch (name) {
                case "cluster" -> cluster = nullableString(json);
                case "datacenter" -> datacenter = nullableString(json);
                case "rankedAtMillis" -> rankedAtMillis = json.nextLong();
                case "windowsAtMillis" -> windowsAtMillis = json.nextLong();
                case "windowSecs" -> windowSecs = json.nextInt();
                case "emitSecs" -> emitSecs = json.nextInt();
                case "part" -> part = json.nextInt();
                case "parts" -> parts = json.nextInt();
                case "topics" -> topics = strings(json);
                case "weights" -> weights = numbers(json);
                case "hostFields" -> hostFields = strings(json);
                case "staleFields" -> staleFields = strings(json);
                case "hosts" -> hostRows = rows(json);
                case "stale" -> staleRows = rows(json);
                default -> json.skipValue(); // a newer writer's member
            }
        }
        json.endObject();
        if (json.peek() != JsonToken.END_DOCUMENT) {
            throw new SliceRecordException("more than one JSON value");
        }
        require(rankedAtMillis, "rankedAtMillis");
        require(part, "part");
        require(parts, "parts");
        require(topics, "topics");
        require(hostFields, "hostFields");
        require(hostRows, "hosts");
        if (datacenter == null && cluster != null) {
            throw new SliceRecordException("cluster " + cluster + " without a datacenter");
        }
        if (parts < 1 || part < 0 || part >= parts) {
            throw new SliceRecordException("part " + part + " of " + parts);
        }
        if (weights == null) {
            weights = new double[topics.size()];
            Arrays.fill(weights, 1.0);
        } else if (weights.length != topics.size()) {
            throw new SliceRecordException(weights.length + " weights for " + topics.size() + " topics");
        }
        List<SliceHost> hosts = hosts(hostFields, hostRows, topics.size());
        List<SliceStaleHost> stale =
                staleRows == null ? List.of() : staleHosts(staleFields == null ? STALE_FIELDS : staleFields, staleRows);
        Slice slice = new Slice(cluster, datacenter);
        return new SlicePart(
                new SliceRanking(
                        slice, rankedAtMillis, windowSecs, emitSecs, topics, weights, hosts, stale, windowsAtMillis),
                part,
                parts);
    }

    private static List<SliceHost> hosts(List<String> fields, List<List<Object>> rows, int topicCount)
            throws SliceRecordException {
        Map<String, Integer> column = columns(fields);
        int host = required(column, "host", "hostFields");
        int rank = required(column, "rank", "hostFields");
        int score = required(column, "score", "hostFields");
        ArrayList<SliceHost> hosts = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            List<Object> row = rows.get(i);
            String where = "hosts[" + i + "]";
            double[] averages = new double[topicCount];
            Arrays.fill(averages, Double.NaN);
            Object averageList = optional(row, column.get("averages"));
            if (averageList instanceof List<?> values) {
                for (int t = 0; t < Math.min(topicCount, values.size()); t++) {
                    if (values.get(t) instanceof Double average) {
                        averages[t] = average;
                    }
                }
            }
            Double fleetScore = number(row, column.get("fleetScore"), where);
            Double fleetRank = number(row, column.get("fleetRank"), where);
            Double load = number(row, column.get("load"), where);
            Double lastSeenMillis = number(row, column.get("lastSeenMillis"), where);
            Double rankNumber = number(row, rank, where);
            Double scoreNumber = number(row, score, where);
            if (rankNumber == null || scoreNumber == null) {
                throw new SliceRecordException(where + " lacks its rank or score");
            }
            hosts.add(new SliceHost(
                    text(row, host, where, true),
                    (int) (double) rankNumber,
                    scoreNumber,
                    load == null ? Double.NaN : load,
                    fleetRank == null ? 0 : (int) (double) fleetRank,
                    fleetScore == null ? Double.NaN : fleetScore,
                    Boolean.TRUE.equals(optional(row, column.get("incomplete"))),
                    text(row, column.get("hostId"), where, false),
                    text(row, column.get("address"), where, false),
                    text(row, column.get("rack"), where, false),
                    averages,
                    lastSeenMillis == null ? 0 : (long) (double) lastSeenMillis));
        }
        return hosts;
    }

    private static List<SliceStaleHost> staleHosts(List<String> fields, List<List<Object>> rows)
            throws SliceRecordException {
        Map<String, Integer> column = columns(fields);
        int host = required(column, "host", "staleFields");
        int lastSeen = required(column, "lastSeenMillis", "staleFields");
        ArrayList<SliceStaleHost> stale = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            List<Object> row = rows.get(i);
            String where = "stale[" + i + "]";
            Double lastSeenMillis = number(row, lastSeen, where);
            stale.add(new SliceStaleHost(
                    text(row, host, where, true),
                    lastSeenMillis == null ? 0 : (long) (double) lastSeenMillis,
                    text(row, column.get("hostId"), where, false),
                    text(row, column.get("address"), where, false),
                    text(row, column.get("rack"), where, false)));
        }
        return stale;
    }

    private static Map<String, Integer> columns(List<String> fields) {
        HashMap<String, Integer> column = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            column.putIfAbsent(fields.get(i), i);
        }
        return column;
    }

    private static int required(Map<String, Integer> column, String field, String member) throws SliceRecordException {
        Integer index = column.get(field);
        if (index == null) {
            throw new SliceRecordException(member + " lacks " + field);
        }
        return index;
    }

    private static Object optional(List<Object> row, Integer index) {
        return index == null || index >= row.size() ? null : row.get(index);
    }

    private static Double number(List<Object> row, Integer index, String where) throws SliceRecordException {
        Object value = optional(row, index);
        if (value == null || value instanceof Double) {
            return (Double) value;
        }
        throw new SliceRecordException(where + " has " + value + " where a number belongs");
    }

    private static String text(List<Object> row, Integer index, String where, boolean required)
            throws SliceRecordException {
        Object value = optional(row, index);
        if (value == null && !required) {
            return null;
        }
        if (value instanceof String string && !string.isEmpty()) {
            return string;
        }
        throw new SliceRecordException(where + " has " + value + " where a name belongs");
    }

    private static <T> T require(T value, String member) throws SliceRecordException {
        if (value == null) {
            throw new SliceRecordException("no " + member);
        }
        return value;
    }

    private static String nullableString(JsonReader json) throws IOException {
        if (json.peek() == JsonToken.NULL) {
            json.nextNull();
            return null;
        }
        return json.nextString();
    }

    private static List<String> strings(JsonReader json) throws IOException {
        ArrayList<String> values = new ArrayList<>();
        json.beginArray();
        while (json.hasNext()) {
            values.add(json.nextString());
        }
        json.endArray();
        return values;
    }

    private static double[] numbers(JsonReader json) throws IOException {
        ArrayList<Double> values = new ArrayList<>();
        json.beginArray();
        while (json.hasNext()) {
            values.add(json.nextDouble());
        }
        json.endArray();
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** An array of arrays whose members are strings, numbers (as Double), booleans, null or arrays of those. */
    private static List<List<Object>> rows(JsonReader json) throws IOException {
        ArrayList<List<Object>> rows = new ArrayList<>();
        json.beginArray();
        while (json.hasNext()) {
            rows.add(array(json));
        }
        json.endArray();
        return rows;
    }

    private static List<Object> array(JsonReader json) throws IOException {
        ArrayList<Object> values = new ArrayList<>(12);
        json.beginArray();
        while (json.hasNext()) {
            values.add(
                    switch (json.peek()) {
                        case STRING -> json.nextString();
                        case NUMBER -> json.nextDouble();
                        case BOOLEAN -> json.nextBoolean();
                        case NULL -> {
                            json.nextNull();
                            yield null;
                        }
                        case BEGIN_ARRAY -> array(json);
                        default ->
                            throw new IllegalStateException("unexpected " + json.peek() + " at " + json.getPath());
                    });
        }
        json.endArray();
        return values;
    }
}
