package io.loadrank.rankingfile;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a whole ranking file into its records ({@link GlobalRankingFile}, {@link TopicRankingFile})
 * with Gson's object mapping. Unknown fields are skipped; a file that is cut short, is not JSON or
 * lacks a field that every ranking has fails with a {@link RankingFileException} that names the
 * file and what is wrong, never with a half-read ranking.
 *
 * <p>The topology replaces its files atomically, so a truncated file is not expected from it; the
 * checks are for files copied, edited or written by something else. Text, flags and numbers are
 * read only from JSON values of their type ({@link StrictJsonTypes}).
 *
 * <p>{@link #record} reads a record of the rankings topic, the same JSON as GlobalRankings.json,
 * for the programs that follow the topic (the driver balancer, the web view).
 */
public final class RankingFileReader {

    private static final Gson GSON = StrictJsonTypes.register(new GsonBuilder()).create();
    /** What {@link #record} names in its messages. */
    private static final String RECORD = "rankings record";

    private RankingFileReader() {}

    /** GlobalRankings.json (or a per-datacenter one) from a file; a missing file is a {@link java.nio.file.NoSuchFileException}. */
    public static GlobalRankingFile global(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return global(in, file.toString());
        }
    }

    /** @param source what the text is, for messages (a file name) */
    public static GlobalRankingFile global(Reader in, String source) throws RankingFileException {
        GlobalRankingFile ranking = map(Columns.globalRows(tree(in, source), source), GlobalRankingFile.class, source);
        Fields fields = new Fields(source);
        fields.require(ranking.rankedAt(), "rankedAt");
        fields.requireAll(ranking.topics(), "topics", topic -> fields.require(topic.topic(), "topics[].topic"));
        fields.requireAll(ranking.hosts(), "hosts", host -> {
            fields.require(host.host(), "hosts[].host");
            fields.require(host.shares(), "hosts[].shares");
            fields.require(host.averages(), "hosts[].averages");
        });
        fields.requireAll(ranking.stale(), "stale", host -> fields.require(host.host(), "stale[].host"));
        return ranking;
    }

    /** {@code <topic>.json} from a file; a missing file is a {@link java.nio.file.NoSuchFileException}. */
    public static TopicRankingFile topic(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return topic(in, file.toString());
        }
    }

    /** @param source what the text is, for messages (a file name) */
    public static TopicRankingFile topic(Reader in, String source) throws RankingFileException {
        TopicRankingFile ranking = map(Columns.topicRows(tree(in, source), source), TopicRankingFile.class, source);
        Fields fields = new Fields(source);
        fields.require(ranking.topic(), "topic");
        fields.require(ranking.rankedAt(), "rankedAt");
        fields.requireAll(ranking.hosts(), "hosts", host -> fields.require(host.host(), "hosts[].host"));
        fields.require(ranking.ingest(), "ingest");
        fields.require(ranking.ingest().malformed(), "ingest.malformed");
        return ranking;
    }

    /**
     * A record of the rankings topic. Required: an object with a whole {@code rankedAtMillis} and a
     * {@code hosts} array of objects ({@code stale}, when present, an array of objects), every value
     * of its own JSON type; otherwise the whole record is refused. A host entry without a name or a
     * score, or with a negative or non-finite number, is left out and named in
     * {@link RankingRecord#refused}; so is a stale entry without a name. Everything else is optional
     * (a record without host info has no datacenter fields).
     */
    public static RankingRecord record(String json) throws RankingFileException {
        if (json == null || json.isBlank()) {
            throw new RankingFileException("empty record");
        }
        JsonObject root = structure(json);
        GlobalRankingFile read = map(root, GlobalRankingFile.class);
        List<String> refused = new ArrayList<>();
        List<RankedHost> hosts = new ArrayList<>();
        JsonArray hostEntries = root.getAsJsonArray("hosts");
        for (int i = 0; i < read.hosts().size(); i++) {
            String why = refusal(read.hosts().get(i), hostEntries.get(i).getAsJsonObject(), "hosts[" + i + "]");
            if (why == null) {
                hosts.add(read.hosts().get(i));
            } else {
                refused.add(why);
            }
        }
        List<StaleHost> stale = new ArrayList<>();
        List<StaleHost> staleEntries = read.stale() == null ? List.of() : read.stale();
        for (int i = 0; i < staleEntries.size(); i++) {
            if (isBlank(staleEntries.get(i).host())) {
                refused.add("stale[" + i + "] has no host");
            } else {
                stale.add(staleEntries.get(i));
            }
        }
        GlobalRankingFile ranking = new GlobalRankingFile(
                read.rankedAt(),
                read.rankedAtMillis(),
                read.windowsAtMillis(),
                read.topics() == null ? List.of() : read.topics(),
                hosts,
                stale,
                read.datacenter(),
                read.hostInfo());
        return new RankingRecord(ranking, refused);
    }

    /** The record's shape, checked before its values: an object, a whole time, arrays of objects. */
    private static JsonObject structure(String json) throws RankingFileException {
        JsonElement element;
        try {
            element = JsonParser.parseString(json);
        } catch (JsonParseException e) {
            throw new RankingFileException("not JSON: " + e.getMessage(), e);
        }
        if (!element.isJsonObject()) {
            throw new RankingFileException("not a JSON object");
        }
        JsonObject root = element.getAsJsonObject();
        JsonElement rankedAt = root.get("rankedAtMillis");
        if (rankedAt == null || rankedAt.isJsonNull()) {
            throw new RankingFileException("no \"rankedAtMillis\"");
        }
        if (!isWholeNumber(rankedAt)) {
            throw new RankingFileException("rankedAtMillis is not a whole number: " + rankedAt);
        }
        objectArray(root, "hosts", true);
        objectArray(root, "stale", false);
        return root;
    }

    private static void objectArray(JsonObject root, String field, boolean required) throws RankingFileException {
        JsonElement element = root.get(field);
        if (element == null || element.isJsonNull()) {
            if (required) {
                throw new RankingFileException("no \"" + field + "\" array");
            }
            return;
        }
        if (!element.isJsonArray()) {
            throw new RankingFileException("\"" + field + "\" is not an array");
        }
        JsonArray array = element.getAsJsonArray();
        for (int i = 0; i < array.size(); i++) {
            if (!array.get(i).isJsonObject()) {
                throw new RankingFileException(field + "[" + i + "] is not an object");
            }
        }
    }

    private static boolean isWholeNumber(JsonElement element) {
        if (!element.isJsonPrimitive() || !element.getAsJsonPrimitive().isNumber()) {
            return false;
        }
        try {
            element.getAsBigDecimal().longValueExact();
            return true;
        } catch (ArithmeticException e) {
            return false; // a fraction, or beyond a long
        }
    }

    /** Why a ranked host entry cannot be used, or null when it can. */
    private static String refusal(RankedHost host, JsonObject entry, String where) {
        if (isBlank(host.host())) {
            return where + " has no host";
        }
        // a missing score maps to 0: only the entry itself tells whether there is one
        boolean hasScore = entry.has("score") && !entry.get("score").isJsonNull();
        String bad = negative(where + ".dcScore", host.dcScore());
        if (bad == null && hasScore) {
            bad = negative(where + ".score", host.score());
        }
        if (bad == null) {
            bad = negative(where + ".shares", host.shares());
        }
        if (bad == null) {
            bad = negative(where + ".averages", host.averages());
        }
        if (bad != null) {
            return bad;
        }
        return hasScore ? null : where + " has no score";
    }

    /** Names {@code value} when it is negative or not finite (scores, shares, averages never are). */
    private static String negative(String what, Double value) {
        return value == null || Double.isFinite(value) && value >= 0
                ? null
                : what + " is not a finite number >= 0: " + value;
    }

    /** The first of {@code values} that is negative or not finite, named; null when none is. */
    private static String negative(String where, Map<String, Double> values) {
        if (values == null) {
            return null;
        }
        for (Map.Entry<String, Double> value : values.entrySet()) {
            String bad = negative(where + "." + value.getKey(), value.getValue());
            if (bad != null) {
                return bad;
            }
        }
        return null;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isEmpty();
    }

    private static <T> T map(JsonElement json, Class<T> type) throws RankingFileException {
        try {
            return GSON.fromJson(json, type);
        } catch (JsonParseException | IllegalStateException | NumberFormatException e) {
            throw new RankingFileException(RECORD + " is not a ranking: " + e.getMessage(), e);
        }
    }

    /** The whole document as a tree; refuses text that is cut short, not JSON, or followed by more. */
    private static JsonObject tree(Reader in, String source) throws RankingFileException {
        JsonElement element;
        try {
            element = JsonParser.parseReader(in);
        } catch (JsonParseException | IllegalStateException e) {
            throw new RankingFileException(
                    source + " is not a whole ranking file (cut short or not JSON of a ranking): " + e.getMessage(), e);
        }
        if (element.isJsonNull()) {
            throw new RankingFileException(source + " is empty");
        }
        if (!element.isJsonObject()) {
            throw new RankingFileException(
                    source + " is not a whole ranking file (cut short or not JSON of a ranking): not an object");
        }
        return element.getAsJsonObject();
    }

    private static <T> T map(JsonObject root, Class<T> type, String source) throws RankingFileException {
        try {
            return GSON.fromJson(root, type);
        } catch (JsonParseException | IllegalStateException | NumberFormatException e) {
            throw new RankingFileException(
                    source + " is not a whole ranking file (cut short or not JSON of a ranking): " + e.getMessage(), e);
        }
    }

    /** The checks of fields that every ranking has. */
    private record Fields(String source) {

        void require(Object value, String field) throws RankingFileException {
            if (value == null) {
                throw new RankingFileException(source + " is not a whole ranking file: it has no " + field);
            }
        }

        <E> void requireAll(List<E> values, String field, Check<E> check) throws RankingFileException {
            require(values, field);
            for (E value : values) {
                require(value, field + "[]");
                check.check(value);
            }
        }
    }

    @FunctionalInterface
    private interface Check<E> {
        void check(E value) throws RankingFileException;
    }
}
