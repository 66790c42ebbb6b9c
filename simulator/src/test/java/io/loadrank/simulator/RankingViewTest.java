package io.loadrank.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadrank.cli.Cli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RankingViewTest {

    private static final String RANKING = """
            {"rankedAt":"2026-11-22T10:15:12Z","rankedAtMillis":1795342512000,"windowsAtMillis":1795342511000,
             "topics":[{"topic":"cpuLoad","weight":1.0,"windowSeconds":60.0}],
             "hosts":[{"rank":1,"host":"cass-eu-west-1","score":100.0,"incomplete":false,"stale":false,
                       "lastSeen":"2026-11-22T10:15:11Z","lastSeenMillis":1795342511000,
                       "shares":{"cpuLoad":100.0},"averages":{"cpuLoad":91.25}}],
             "stale":[]}
            """;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();

    private RankingView view(Path file) {
        return Cli.parse(
                new RankingView(new PrintStream(screen, true, StandardCharsets.UTF_8)),
                "--watch",
                file.toString(),
                "--plain");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"{\"rankedAt\":\"2026-11-22T10:15:13Z\",\"hosts\":[{\"rank\":1,", "garbage", "[]", ""})
    void givenAGoodRankingThenABrokenFile_whenPolled_thenTheLastTableStaysWithANoteNamingTheFile(String broken)
            throws IOException {
        // given a view that has shown a good ranking
        Path file = dir.resolve("GlobalRankings.json");
        Files.writeString(file, RANKING);
        RankingView view = view(file);
        assertThat(view.poll()).isTrue();

        // when the file turns into something that is not a whole ranking
        Files.writeString(file, broken);
        boolean changed = view.poll();
        view.draw();

        // then nothing new is shown, the last table stays, and a note says what is wrong with which file
        assertThat(changed).isFalse();
        String shown = screen.toString(StandardCharsets.UTF_8);
        assertThat(shown).contains("cass-eu-west-1", "91.3");
        assertThat(shown).contains("note: " + file + " is ");
    }

    @Test
    void givenNoFileYet_whenPolledAndDrawn_thenItWaitsWithoutANote() {
        RankingView view = view(dir.resolve("GlobalRankings.json"));

        assertThat(view.poll()).isFalse();
        view.draw();

        assertThat(screen.toString(StandardCharsets.UTF_8))
                .contains("waiting for the first ranking")
                .doesNotContain("note:");
    }
}
