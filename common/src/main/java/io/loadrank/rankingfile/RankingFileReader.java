package io.loadrank.rankingfile;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
 * <p>The files write each host as a row of the members a fields list names (docs/OUTPUT.md);
 * {@link Columns} turns the rows back into objects before they are mapped.
 */
public final class RankingFileReader {

    private static final Gson GSON = StrictJsonTypes.register(new GsonBuilder()).create();

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
        TopicRankingFile ranking = map(tree(in, source), TopicRankingFile.class, source);
        Fields fields = new Fields(source);
        fields.require(ranking.topic(), "topic");
        fields.require(ranking.rankedAt(), "rankedAt");
        fields.require(ranking.ingest(), "ingest");
        fields.require(ranking.ingest().malformed(), "ingest.malformed");
        return ranking;
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
