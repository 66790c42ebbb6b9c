package io.loadrank.balancer.ranking;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a record of the rankings topic (the form of GlobalRankings.json) into a {@link RankingRecord}.
 *
 * <p>The only place that knows the JSON field names, so that a shared reader can replace it later.
 * Required: {@code rankedAtMillis}, and for every entry of {@code hosts} a {@code host}. Everything
 * else is optional: a host without {@code dcScore} simply cannot be called hot. Hosts of the
 * {@code stale} array are read as stale. Unknown fields are ignored, so the topology can add some.
 */
public final class RankingRecordParser {

    private RankingRecordParser() {}

    public static RankingRecord parse(String json) throws MalformedRankingException {
        if (json == null || json.isBlank()) {
            throw new MalformedRankingException("empty record");
        }
        JsonObject root;
        try {
            JsonElement element = JsonParser.parseString(json);
            if (!element.isJsonObject()) {
                throw new MalformedRankingException("not a JSON object");
            }
            root = element.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new MalformedRankingException("not JSON: " + e.getMessage(), e);
        }
        long rankedAt = requiredLong(root, "rankedAtMillis");
        List<RankedHost> hosts = new ArrayList<>();
        readHosts(root, "hosts", false, hosts);
        readHosts(root, "stale", true, hosts);
        return new RankingRecord(rankedAt, hosts);
    }

    private static void readHosts(JsonObject root, String field, boolean stale, List<RankedHost> into)
            throws MalformedRankingException {
        JsonElement element = root.get(field);
        if (element == null || element.isJsonNull()) {
            if (!stale) {
                throw new MalformedRankingException("no \"" + field + "\" array");
            }
            return;
        }
        if (!element.isJsonArray()) {
            throw new MalformedRankingException("\"" + field + "\" is not an array");
        }
        JsonArray array = element.getAsJsonArray();
        for (int i = 0; i < array.size(); i++) {
            if (!array.get(i).isJsonObject()) {
                throw new MalformedRankingException(field + "[" + i + "] is not an object");
            }
            into.add(readHost(array.get(i).getAsJsonObject(), field + "[" + i + "]", stale));
        }
    }

    private static RankedHost readHost(JsonObject json, String where, boolean inStaleList)
            throws MalformedRankingException {
        String host = optionalString(json, "host", where);
        if (host == null || host.isEmpty()) {
            throw new MalformedRankingException(where + " has no host");
        }
        String hostId = optionalString(json, "hostId", where);
        return new RankedHost(
                host,
                optionalString(json, "address", where),
                optionalString(json, "datacenter", where),
                optionalString(json, "rack", where),
                hostId == null ? null : hostId.toLowerCase(Locale.ROOT),
                optionalDouble(json, "score", where),
                (int) optionalLong(json, "dcRank", where),
                optionalDouble(json, "dcScore", where),
                inStaleList || optionalBoolean(json, "stale", where),
                optionalBoolean(json, "incomplete", where));
    }

    private static long requiredLong(JsonObject json, String field) throws MalformedRankingException {
        JsonElement element = json.get(field);
        if (element == null || element.isJsonNull()) {
            throw new MalformedRankingException("no \"" + field + "\"");
        }
        return asLong(element, field);
    }

    private static long optionalLong(JsonObject json, String field, String where) throws MalformedRankingException {
        JsonElement element = json.get(field);
        return element == null || element.isJsonNull() ? 0 : asLong(element, where + "." + field);
    }

    private static long asLong(JsonElement element, String what) throws MalformedRankingException {
        try {
            if (element.isJsonPrimitive() && element.getAsJsonPrimitive().isNumber()) {
                return element.getAsJsonPrimitive().getAsBigDecimal().longValueExact();
            }
        } catch (ArithmeticException e) {
            // falls through to the refusal below
        }
        throw new MalformedRankingException(what + " is not a whole number: " + element);
    }

    private static double optionalDouble(JsonObject json, String field, String where) throws MalformedRankingException {
        JsonElement element = json.get(field);
        if (element == null || element.isJsonNull()) {
            return Double.NaN;
        }
        if (element.isJsonPrimitive() && element.getAsJsonPrimitive().isNumber()) {
            double value = element.getAsDouble();
            if (Double.isFinite(value) && value >= 0) {
                return value;
            }
        }
        throw new MalformedRankingException(where + "." + field + " is not a finite number >= 0: " + element);
    }

    private static boolean optionalBoolean(JsonObject json, String field, String where)
            throws MalformedRankingException {
        JsonElement element = json.get(field);
        if (element == null || element.isJsonNull()) {
            return false;
        }
        if (element.isJsonPrimitive() && element.getAsJsonPrimitive().isBoolean()) {
            return element.getAsBoolean();
        }
        throw new MalformedRankingException(where + "." + field + " is not true or false: " + element);
    }

    private static String optionalString(JsonObject json, String field, String where) throws MalformedRankingException {
        JsonElement element = json.get(field);
        if (element == null || element.isJsonNull()) {
            return null;
        }
        if (element.isJsonPrimitive() && element.getAsJsonPrimitive().isString()) {
            return element.getAsString();
        }
        throw new MalformedRankingException(where + "." + field + " is not a string: " + element);
    }
}
