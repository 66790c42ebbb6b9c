package io.loadrank.bench;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the topology's ranking files (docs/OUTPUT.md) as cheaply as a benchmark must: they are
 * replaced atomically every emit and, at 100,000 hosts, are tens of megabytes each, while the
 * benchmark's reader runs on the same cores as the topology it measures.
 *
 * <ul>
 *   <li>{@link #open}: the current version of a file, with its modification time, consistently
 *       (the version read is the version whose time is reported, even if the file is replaced
 *       meanwhile);</li>
 *   <li>{@link #summary}: the top-level numbers and the {@code ingest} counters, from the head and
 *       the tail of a large file only, never its host list;</li>
 *   <li>{@link #hosts}: every host of {@code hosts[]} and {@code stale[]} with its
 *       {@code lastSeenMillis}, stream-parsed.</li>
 * </ul>
 */
final class RankingFiles {

    /** Files up to this size are parsed whole; larger ones by head and tail. */
    static final int WHOLE_FILE_LIMIT = 1 << 20;
    private static final int HEAD_BYTES = 16 << 10;
    private static final int TAIL_BYTES = 64 << 10;
    private static final String INGEST = "ingest";

    private RankingFiles() {
    }

    /** One version of a file: its modification time (microsecond precision) and identity (inode). */
    record Version(long modifiedMicros, Object fileKey) {

        double modifiedMillis() {
            return modifiedMicros / 1000.0;
        }

        static Version of(BasicFileAttributes attributes) {
            return new Version(attributes.lastModifiedTime().to(TimeUnit.MICROSECONDS), attributes.fileKey());
        }
    }

    /** The version of the file now; null if there is no file. */
    static Version version(Path file) throws IOException {
        try {
            return Version.of(Files.readAttributes(file, BasicFileAttributes.class));
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** An open version of a file. */
    record Opened(FileChannel channel, Version version) implements Closeable {
        @Override
        public void close() throws IOException {
            channel.close();
        }

        Reader reader() {
            return new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8),
                    1 << 16);
        }
    }

    /**
     * Opens the current version of {@code file}; null if there is no file. The file is looked at
     * before and after opening; only when both looks show the same version is the opened file
     * known to be that version (a replacement in between is retried).
     */
    static Opened open(Path file) throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            Version before = version(file);
            if (before == null) {
                return null;
            }
            FileChannel channel;
            try {
                channel = FileChannel.open(file);
            } catch (NoSuchFileException e) {
                continue;
            }
            Version after = version(file);
            if (before.equals(after) && before.fileKey() != null) {
                return new Opened(channel, before);
            }
            channel.close();
        }
        throw new IOException("could not read a stable version of " + file + ": it is replaced faster than it can be opened");
    }

    /**
     * The top-level numbers of a ranking file (e.g. {@code rankedAtMillis}, {@code windowAtMillis})
     * and the numbers of its {@code ingest} object as {@code ingest.accepted} etc. A large file is
     * read only at its head (the fields before the host list) and its tail (the ingest object and
     * anything after the host list); {@code keys} are the top-level numbers to look for in the tail
     * when the head does not have them.
     */
    static Map<String, Double> summary(FileChannel channel, String... keys) throws IOException {
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
                Matcher matcher = Pattern.compile('"' + Pattern.quote(key) + "\":(-?[0-9.eE+-]+)").matcher(tail);
                while (matcher.find()) {
                    numbers.put(key, Double.parseDouble(matcher.group(1)));
                }
            }
        }
        return numbers;
    }

    /** Receives the hosts of a ranking file. */
    @FunctionalInterface
    interface HostVisitor {
        void host(String host, long lastSeenMillis);
    }

    /**
     * Streams the hosts of a topic or global ranking file ({@code hosts[]}, and {@code stale[]} of
     * the global file) to {@code visitor} with their {@code lastSeenMillis}; returns the top-level
     * numbers.
     *
     * @throws IOException also when a host has no {@code lastSeenMillis} (a topology older than the
     *                     benchmark)
     */
    static Map<String, Double> hosts(Reader reader, HostVisitor visitor) throws IOException {
        Map<String, Double> numbers = new HashMap<>();
        JsonReader json = new JsonReader(reader);
        json.beginObject();
        while (json.hasNext()) {
            String name = json.nextName();
            JsonToken token = json.peek();
            if ((name.equals("hosts") || name.equals("stale")) && token == JsonToken.BEGIN_ARRAY) {
                readHosts(json, name, visitor);
            } else if (token == JsonToken.NUMBER) {
                numbers.put(name, json.nextDouble());
            } else {
                json.skipValue();
            }
        }
        json.endObject();
        return numbers;
    }

    private static void readHosts(JsonReader json, String array, HostVisitor visitor) throws IOException {
        json.beginArray();
        while (json.hasNext()) {
            json.beginObject();
            String host = null;
            long lastSeen = Long.MIN_VALUE;
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
            if (host == null || lastSeen == Long.MIN_VALUE) {
                throw new IOException("an entry of " + array + "[] has no " + (host == null ? "host" : "lastSeenMillis")
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

    static long requireMillis(Map<String, Double> numbers, String key, Path file) throws IOException {
        Double value = numbers.get(key);
        if (value == null) {
            throw new IOException(file + " has no " + key + ": this ranking file comes from a topology without it");
        }
        return value.longValue();
    }
}
