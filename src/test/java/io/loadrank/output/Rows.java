package io.loadrank.output;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** The host rows of a ranking file as objects by their field names, for tests that look at the JSON itself. */
final class Rows {

    private Rows() {}

    /** The rows of {@code rowsMember} named by {@code fieldsMember}, each an object of its fields. */
    static JsonArray of(JsonObject json, String fieldsMember, String rowsMember) {
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

    static JsonArray hosts(JsonObject json) {
        return of(json, "hostFields", "hosts");
    }

    static JsonArray stale(JsonObject json) {
        return of(json, "staleFields", "stale");
    }
}
