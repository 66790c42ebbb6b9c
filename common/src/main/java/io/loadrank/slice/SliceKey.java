package io.loadrank.slice;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;

/**
 * The record key of one part of a slice's ranking on the rankings topic, and the partition every part
 * of that slice goes to (docs/OUTPUT.md).
 *
 * <p>The key is a JSON array of cluster, datacenter and part: {@code ["prod","eu-west",0]},
 * {@code [null,"dc1",1]}, {@code [null,null,0]}. JSON because a cluster name may hold any printable
 * character, so no separator could be trusted; one key per part because the topic is compacted and
 * keeps only the newest record of each key.
 *
 * <p>The partition is Kafka's own key hash (murmur2, as its default partitioner) of the slice's
 * identity, the key without its part ({@code ["prod","eu-west"]}), modulo the partition count: every
 * part of a slice lands on one partition, and a reader that wants one slice computes the same number
 * and reads that partition alone.
 */
public record SliceKey(Slice slice, int part) {

    public SliceKey {
        if (part < 0) {
            throw new IllegalArgumentException("a part is >= 0, got " + part);
        }
    }

    /** The key's text. */
    public String text() {
        return json(slice, part);
    }

    /** The partition the records of {@code slice} go to, of a topic of {@code partitions} partitions. */
    public static int partition(Slice slice, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("a topic has at least one partition, got " + partitions);
        }
        byte[] identity = json(slice, -1).getBytes(StandardCharsets.UTF_8);
        return Utils.toPositive(Utils.murmur2(identity)) % partitions;
    }

    /**
     * The key of {@code text}, or null when it is not the key of a slice part (another writer's
     * record on the topic: skipped, not fatal).
     */
    public static SliceKey parse(String text) {
        if (text == null || text.isEmpty() || text.charAt(0) != '[') {
            return null;
        }
        try (JsonReader json = new JsonReader(new StringReader(text))) {
            json.beginArray();
            String cluster = nullableString(json);
            String datacenter = nullableString(json);
            if (json.peek() != JsonToken.NUMBER) {
                return null;
            }
            int part = json.nextInt();
            json.endArray();
            if (json.peek() != JsonToken.END_DOCUMENT || part < 0 || (datacenter == null && cluster != null)) {
                return null;
            }
            return new SliceKey(new Slice(cluster, datacenter), part);
        } catch (IOException | IllegalStateException | NumberFormatException e) {
            return null; // not a slice key: the caller counts it
        }
    }

    private static String nullableString(JsonReader json) throws IOException {
        if (json.peek() == JsonToken.NULL) {
            json.nextNull();
            return null;
        }
        if (json.peek() != JsonToken.STRING) {
            throw new IllegalStateException("not a name");
        }
        return json.nextString();
    }

    /** The array of cluster, datacenter and, when {@code part >= 0}, part. */
    private static String json(Slice slice, int part) {
        StringWriter out = new StringWriter(32);
        try (JsonWriter json = new JsonWriter(out)) {
            json.setSerializeNulls(true);
            json.beginArray();
            json.value(slice.cluster());
            json.value(slice.datacenter());
            if (part >= 0) {
                json.value(part);
            }
            json.endArray();
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        return out.toString();
    }
}
