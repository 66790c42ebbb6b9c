package io.loadrank.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadrank.metric.Metric;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The scripts' topic names and rule (scripts/lib/topics.sh) are the Java programs' ones. */
class TopicNamesScriptTest {

    /** The module's directory is the working directory of its tests; the scripts are beside it. */
    private static final Path TOPICS_SH =
            Path.of(System.getProperty("user.dir")).resolveSibling("scripts/lib/topics.sh");

    @Test
    void givenTheScriptsTopicNames_whenSourced_thenTheyAreTheJavaDefinitions() throws Exception {
        List<String> lines = sourced("printf '%s\\n' \"${METRIC_TOPICS[*]}\" \"$HOSTS_TOPIC\" \"$RANKINGS_TOPIC\""
                + " \"$ALERTS_TOPIC\" \"$DEAD_LETTER_TOPIC\" \"$TOPIC_REGEX\" \"$TOPIC_ALLOWED\"");

        assertThat(lines)
                .containsExactly(
                        String.join(" ", Metric.defaultTopics()),
                        TopicNames.HOSTS,
                        TopicNames.RANKINGS,
                        TopicNames.ALERTS,
                        TopicNames.DEAD_LETTER,
                        "^" + TopicNames.PATTERN.pattern() + "$",
                        TopicNames.ALLOWED);
    }

    private static List<String> sourced(String command) throws IOException, InterruptedException {
        assertThat(TOPICS_SH).isRegularFile();
        Process bash = new ProcessBuilder("bash", "-c", "source \"$1\" && " + command, "bash", TOPICS_SH.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(bash.exitValue()).as(out).isZero();
        return out.lines().toList();
    }
}
