package io.loadrank.testing;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The host rows of a ranking file (each host an array whose members a {@code hostFields} list names
 * once per file) as objects by their field names, for tests that look at the JSON itself.
 */
public final class JsonRows {

    private JsonRows() {}

    /** The rows of {@code rowsMember} named by {@code fieldsMember}, each an object of its fields. */
    public static JsonArray of(JsonObject json, String fieldsMember, String rowsMember) {
        JsonArray fields = json.getAsJsonArray(fieldsMember);
        JsonArray objects = new JsonArray();
        for (JsonElement row : json.getAsJsonArray(rowsMember)) {
            JsonObject object = new JsonObject();
            for (int f = 0; f < fields.size(); f++) {
                object.add(fields.get(f).getAsString(), row.getAsJsonArray().get(f));
            }
            objects.add(object);
        }
        return objects;
    }

    public static JsonArray hosts(JsonObject json) {
        return of(json, "hostFields", "hosts");
    }

    public static JsonArray stale(JsonObject json) {
        return of(json, "staleFields", "stale");
    }

    /** {@code json} with its host and stale rows made objects, where it has rows. */
    public static JsonObject expanded(JsonObject json) {
        if (json.has("hostFields")) {
            json.add("hosts", hosts(json));
        }
        if (json.has("staleFields")) {
            json.add("stale", stale(json));
        }
        return json;
    }
}
