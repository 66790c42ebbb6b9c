package io.loadrank.topology;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.loadrank.rankingfile.GlobalRankingFile;
import io.loadrank.rankingfile.RankingFileReader;
import io.loadrank.rankingfile.TopicRankingFile;
import io.loadrank.testing.JsonRows;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** Reads the ranking files the way an operator's script would. */
final class OutputFiles {

    private final Path directory;

    OutputFiles(Path directory) {
        this.directory = directory;
    }

    Path directory() {
        return directory;
    }

    /** The whole file, or empty while it does not exist yet. */
    Optional<String> read(String fileName) {
        try {
            return Optional.of(Files.readString(directory.resolve(fileName), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first line of GlobalRankings.txt: the ranking, e.g. {@code {C=41, A=34, B=24}}. */
    Optional<String> globalRanking() {
        return read("GlobalRankings.txt").map(text -> text.lines().findFirst().orElse(""));
    }

    Optional<String> topicRanking(String topic) {
        return read(topic + ".txt").map(String::strip);
    }

    /** {@code <topic>.json}, or empty while it does not exist yet. */
    Optional<TopicRankingFile> topicJson(String topic) {
        try {
            return Optional.of(RankingFileReader.topic(directory.resolve(topic + ".json")));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** GlobalRankings.json, or empty while it does not exist yet. */
    Optional<GlobalRankingFile> globalJson() {
        return globalJson("GlobalRankings.json");
    }

    /** A global ranking file (GlobalRankings.json, GlobalRankings-&lt;datacenter&gt;.json), or empty while it does not exist. */
    Optional<GlobalRankingFile> globalJson(String fileName) {
        try {
            return Optional.of(RankingFileReader.global(directory.resolve(fileName)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON file as a JSON tree, its host rows (if any) as objects; empty while it does not exist. */
    Optional<JsonObject> json(String fileName) {
        // the rows of hosts as objects: the tests look up a host's members by name
        return read(fileName)
                .map(text -> JsonRows.expanded(JsonParser.parseString(text).getAsJsonObject()));
    }
}
