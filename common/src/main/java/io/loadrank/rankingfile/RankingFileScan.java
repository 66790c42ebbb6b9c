package io.loadrank.rankingfile;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads parts of ranking files as cheaply as a benchmark must: at 100,000 hosts they are tens of
 * megabytes, replaced every emit, while the benchmark runs on the cores of the topology it measures.
 * Unlike {@link RankingFileReader} it builds no records.
 *
 * <ul>
 *   <li>{@link #summary}: the top-level numbers and the {@code ingest} counters, from the head and
 *       the tail of a large file only, never its host list;</li>
 *   <li>{@link #hosts}: every host of {@code hosts[]} and {@code stale[]} with its
 *       {@code lastSeenMillis}, stream-parsed.</li>
 * </ul>
 */
public final class RankingFileScan {

    /** Files up to this size are parsed whole; larger ones by head and tail. */
    public static final int WHOLE_FILE_LIMIT = 1 << 20;

    private static final int HEAD_BYTES = 16 << 10;
    private static final int TAIL_BYTES = 64 << 10;
    private static final String INGEST = "ingest";

    private RankingFileScan() {}

    /**
     * The top-level numbers of a ranking file (e.g. {@code rankedAtMillis}, {@code windowAtMillis})
     * and the numbers of its {@code ingest} object as {@code ingest.accepted} etc. A large file is
     * read only at its head (the fields before the host list) and its tail (the ingest object and
     * anything after the host list); {@code keys} are the top-level numbers to look for in the tail
     * when the head does not have them.
     */
    public static Map<String, Double> summary(FileChannel channel, String... keys) throws IOException {
        long size = channel.size();
        if (size <= WHOLE_FILE_LIMIT) {
            return topLevelNumbers(read(channel, 0, (int) size), false);
        }
        Map<String, Double> numbers = topLevelNumbers(read(channel, 0, HEAD_BYTES), true);
        String tail = read(channel, size - TAIL_BYTES, TAIL_BYTES);
        int ingest = tail.lastIndexOf('"' + INGEST + "\":");
        if (ingest >= 0) {
            JsonReader json = new JsonReader(new StringReader(tail.substring(ingest + INGEST.length() + 3)));
            readNumbers(json, INGEST + ".", numbers);
        }
        for (String key : keys) {
            if (!numbers.containsKey(key)) {
                // the last occurrence: a top-level field after the host list (hosts carry no such key)
                Matcher matcher = Pattern.compile('"' + Pattern.quote(key) + "\":(-?[0-9.eE+-]+)")
                        .matcher(tail);
                while (matcher.find()) {
                    numbers.put(key, Double.parseDouble(matcher.group(1)));
                }
            }
        }
        return numbers;
    }

    /** Receives the hosts of a ranking file. */
    @FunctionalInterface
    public interface HostVisitor {
        void host(String host, long lastSeenMillis);
    }

    /**
     * Streams the hosts of a topic or global ranking file ({@code hosts[]}, and {@code stale[]} of
     * the global file) to {@code visitor} with their {@code lastSeenMillis}; returns the top-level
     * numbers.
     *
     * @throws IOException also when a host has no {@code lastSeenMillis} (a topology older than the
     *                     reader)
     */
    public static Map<String, Double> hosts(Reader reader, HostVisitor visitor) throws IOException {
        Map<String, Double> numbers = new HashMap<>();
        Map<String, List<String>> fields = new HashMap<>();
        JsonReader json = new JsonReader(reader);
        json.beginObject();
        while (json.hasNext()) {
            String name = json.nextName();
            JsonToken token = json.peek();
            if ((name.equals("hostFields") || name.equals("staleFields")) && token == JsonToken.BEGIN_ARRAY) {
                fields.put(name, names(json));
            } else if ((name.equals("hosts") || name.equals("stale")) && token == JsonToken.BEGIN_ARRAY) {
                readHosts(json, name, fields.get(name.equals("hosts") ? "hostFields" : "staleFields"), visitor);
            } else if (token == JsonToken.NUMBER) {
                numbers.put(name, json.nextDouble());
            } else {
                json.skipValue();
            }
        }
        json.endObject();
        return numbers;
    }

    private static List<String> names(JsonReader json) throws IOException {
        List<String> names = new ArrayList<>();
        json.beginArray();
        while (json.hasNext()) {
            names.add(json.nextString());
        }
        json.endArray();
        return names;
    }

    /** The number {@code key} of {@code numbers} as whole milliseconds; {@code file} names the file in the message. */
    public static long requireMillis(Map<String, Double> numbers, String key, Path file) throws IOException {
        Double value = numbers.get(key);
        if (value == null) {
            throw new RankingFileException(
                    file + " has no " + key + ": this ranking file comes from a topology without it");
        }
        return value.longValue();
    }

    /**
     * The hosts of {@code array}: rows whose members {@code fields} names (the files of this
     * topology), or objects with named members (files of an older one).
     */
    private static void readHosts(JsonReader json, String array, List<String> fields, HostVisitor visitor)
            throws IOException {
        int hostColumn = fields == null ? -1 : fields.indexOf("host");
        int lastSeenColumn = fields == null ? -1 : fields.indexOf("lastSeenMillis");
        json.beginArray();
        while (json.hasNext()) {
            String host = null;
            long lastSeen = Long.MIN_VALUE;
            if (json.peek() == JsonToken.BEGIN_ARRAY) {
                json.beginArray();
                for (int column = 0; json.hasNext(); column++) {
                    if (column == hostColumn && json.peek() == JsonToken.STRING) {
                        host = json.nextString();
                    } else if (column == lastSeenColumn && json.peek() == JsonToken.NUMBER) {
                        lastSeen = json.nextLong();
                    } else {
                        json.skipValue();
                    }
                }
                json.endArray();
            } else {
                json.beginObject();
                while (json.hasNext()) {
                    String field = json.nextName();
                    if (field.equals("host")) {
                        host = json.nextString();
                    } else if (field.equals("lastSeenMillis")) {
                        lastSeen = json.nextLong();
                    } else {
                        json.skipValue();
                    }
                }
                json.endObject();
            }
            if (host == null || lastSeen == Long.MIN_VALUE) {
                throw new RankingFileException(
                        "an entry of " + array + "[] has no " + (host == null ? "host" : "lastSeenMillis")
                                + (host == null ? "" : " (host " + host + ")")
                                + ": this ranking file comes from a topology without per-host lastSeenMillis");
            }
            visitor.host(host, lastSeen);
        }
        json.endArray();
    }

    /**
     * The top-level numbers of {@code text}, and those of the ingest object. {@code truncated}: the
     * text is the head of a larger file; reading stops at the host list or where the text ends.
     */
    private static Map<String, Double> topLevelNumbers(String text, boolean truncated) throws IOException {
        Map<String, Double> numbers = new HashMap<>();
        JsonReader json = new JsonReader(new StringReader(text));
        try {
            json.beginObject();
            while (json.hasNext()) {
                String name = json.nextName();
                JsonToken token = json.peek();
                if (token == JsonToken.NUMBER) {
                    numbers.put(name, json.nextDouble());
                } else if (name.equals(INGEST) && token == JsonToken.BEGIN_OBJECT) {
                    readNumbers(json, INGEST + ".", numbers);
                } else if (truncated && name.equals("hosts")) {
                    break;
                } else {
                    json.skipValue();
                }
            }
        } catch (IOException e) {
            if (!truncated) {
                throw e;
            }
            // the head ends inside a value: everything before it has been read
        }
        return numbers;
    }

    /** The numbers of the object {@code json} is at, each under {@code prefix + name}; nested values skipped. */
    private static void readNumbers(JsonReader json, String prefix, Map<String, Double> numbers) throws IOException {
        json.beginObject();
        while (json.hasNext()) {
            String name = json.nextName();
            if (json.peek() == JsonToken.NUMBER) {
                numbers.put(prefix + name, json.nextDouble());
            } else {
                json.skipValue();
            }
        }
        json.endObject();
    }

    private static String read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        long at = Math.max(0, position);
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, at + buffer.position());
            if (read < 0) {
                break;
            }
        }
        buffer.flip();
        return StandardCharsets.UTF_8.decode(buffer).toString();
    }
}
