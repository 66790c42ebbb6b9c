package io.loadrank.rankingfile;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The ranking files write each host as an array whose members a {@code hostFields} (or
 * {@code staleFields}) list names once per file, rather than once per host (docs/OUTPUT.md). This
 * turns those rows back into the objects the records of this package map from, so that the records
 * and their type checks ({@link StrictJsonTypes}) stay as they are: a host's {@code shares} and
 * {@code averages} by topic name, its {@code lastSeen} text from its {@code lastSeenMillis}, its
 * {@code datacenter} from the slice it names. A file without a fields list is taken as it is.
 */
final class Columns {

    private Columns() {}

    /** GlobalRankings.json with its host rows made objects. */
    static JsonObject globalRows(JsonObject root, String source) throws RankingFileException {
        List<String> topics = new ArrayList<>();
        if (root.get("topics") instanceof JsonArray topicList) {
            for (JsonElement topic : topicList) {
                if (topic instanceof JsonObject object && object.get("topic") instanceof JsonPrimitive name) {
                    topics.add(name.getAsString());
                }
            }
        }
        List<JsonElement> datacenters = new ArrayList<>();
        if (root.get("slices") instanceof JsonArray slices) {
            for (JsonElement slice : slices) {
                datacenters.add(
                        slice instanceof JsonObject object && object.has("datacenter")
                                ? object.get("datacenter")
                                : JsonNull.INSTANCE);
            }
        }
        rowsToObjects(root, "hostFields", "hosts", source, host -> {
            host.addProperty("stale", false);
            lastSeen(host);
            JsonElement datacenter = datacenter(host.remove("slice"), datacenters);
            host.add("datacenter", datacenter);
            if (datacenter.isJsonNull()) {
                // a host without host info: its slice is that of every such host, not a datacenter
                host.add("dcRank", JsonNull.INSTANCE);
                host.add("dcScore", JsonNull.INSTANCE);
            }
            host.add("shares", byTopic(host.get("shares"), topics, true));
            host.add("averages", byTopic(host.get("averages"), topics, false));
            host.add("samples", byTopic(host.get("samples"), topics, true));
        });
        rowsToObjects(root, "staleFields", "stale", source, host -> {
            host.addProperty("stale", true);
            lastSeen(host);
            host.add("datacenter", datacenter(host.remove("slice"), datacenters));
        });
        return root;
    }

    @FunctionalInterface
    private interface RowFix {
        void fix(JsonObject host);
    }

    private static void rowsToObjects(
            JsonObject root, String fieldsMember, String rowsMember, String source, RowFix fix)
            throws RankingFileException {
        if (!(root.get(fieldsMember) instanceof JsonArray fieldList)
                || !(root.get(rowsMember) instanceof JsonArray rows)) {
            return;
        }
        List<String> fields = new ArrayList<>();
        for (JsonElement field : fieldList) {
            if (!(field instanceof JsonPrimitive name) || !name.isString()) {
                throw new RankingFileException(
                        source + " is not a whole ranking file: " + fieldsMember + " holds " + field);
            }
            fields.add(name.getAsString());
        }
        JsonArray objects = new JsonArray(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            if (!(rows.get(i) instanceof JsonArray row)) {
                throw new RankingFileException(
                        source + " is not a whole ranking file: " + rowsMember + "[" + i + "] is not an array");
            }
            JsonObject host = new JsonObject();
            for (int f = 0; f < fields.size() && f < row.size(); f++) {
                host.add(fields.get(f), row.get(f));
            }
            fix.fix(host);
            objects.add(host);
        }
        root.add(rowsMember, objects);
    }

    private static void lastSeen(JsonObject host) {
        if (host.get("lastSeenMillis") instanceof JsonPrimitive millis && millis.isNumber()) {
            host.addProperty(
                    "lastSeen", Instant.ofEpochMilli(millis.getAsLong()).toString());
        }
    }

    private static JsonElement datacenter(JsonElement slice, List<JsonElement> datacenters) {
        if (slice instanceof JsonPrimitive index && index.isNumber()) {
            int i = index.getAsInt();
            if (i >= 0 && i < datacenters.size()) {
                return datacenters.get(i);
            }
        }
        return JsonNull.INSTANCE;
    }

    /** A per-topic array as an object by topic name; a null entry is left out, or 0 when {@code zeroForNull}. */
    private static JsonElement byTopic(JsonElement values, List<String> topics, boolean zeroForNull) {
        if (!(values instanceof JsonArray array)) {
            return values;
        }
        JsonObject object = new JsonObject();
        for (int t = 0; t < topics.size() && t < array.size(); t++) {
            JsonElement value = array.get(t);
            if (!value.isJsonNull()) {
                object.add(topics.get(t), value);
            } else if (zeroForNull) {
                object.addProperty(topics.get(t), 0);
            }
        }
        return object;
    }
}
