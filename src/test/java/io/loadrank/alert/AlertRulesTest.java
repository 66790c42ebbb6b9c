package io.loadrank.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadrank.config.ConfigException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AlertRulesTest {

    static final String KEY = "loadrank.alerts";

    static Stream<Arguments> badRules() {
        return Stream.of(
                Arguments.of(List.of(Map.of("when", "score", "above", 5)), "loadrank.alerts[0].name = (missing)"),
                Arguments.of(
                        List.of(Map.of("name", "a b", "when", "score", "above", 5)), "loadrank.alerts[0].name = 'a b'"),
                Arguments.of(List.of(rule("x", "score", 5), rule("x", "score", 6)), "loadrank.alerts[1].name = 'x'"),
                Arguments.of(
                        List.of(Map.of("name", "x", "when", "hot")),
                        "loadrank.alerts[0].when = 'hot'; allowed: one of score, dcScore, average, topicAverage, stale, dcTopChanged"),
                Arguments.of(
                        List.of(Map.of("name", "x", "when", "score")),
                        "loadrank.alerts[0].above = (missing); allowed: a finite number"),
                Arguments.of(
                        List.of(Map.of("name", "x", "when", "score", "above", "lots")),
                        "loadrank.alerts[0].above = 'lots'"),
                Arguments.of(
                        List.of(Map.of("name", "x", "when", "stale", "above", 3)),
                        "loadrank.alerts[0].above = 3; allowed: no threshold"),
                Arguments.of(
                        List.of(Map.of("name", "x", "when", "average", "above", 3)),
                        "loadrank.alerts[0].topic = (missing)"),
                Arguments.of(
                        List.of(Map.of("name", "x", "when", "topicAverage", "above", 3)),
                        "loadrank.alerts[0].topic = (missing)"),
                Arguments.of(
                        List.of(Map.of("name", "x", "when", "score", "above", 3, "topic", "cpuLoad")),
                        "loadrank.alerts[0].topic = 'cpuLoad'"),
                Arguments.of(
                        List.of(Map.of("name", "x", "when", "score", "above", 3, "for.secs", -1)),
                        "loadrank.alerts[0].for.secs = -1; allowed: a whole number of seconds from 0 to 86400"),
                Arguments.of(
                        List.of(Map.of("name", "x", "when", "score", "above", 3, "clear.secs", "soon")),
                        "loadrank.alerts[0].clear.secs = 'soon'"),
                Arguments.of(
                        List.of(Map.of("name", "x", "when", "score", "above", 3, "below", 1)),
                        "loadrank.alerts[0].below = 1; allowed: only the fields"),
                Arguments.of(List.of("score above 3"), "loadrank.alerts[0] = 'score above 3'; allowed: a map with"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badRules")
    void givenABadRule_whenParsed_thenItFailsNamingTheFieldTheValueAndWhatIsAllowed(
            List<Object> rules, String message) {
        assertThatThrownBy(() -> AlertRules.parse(KEY, rules))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(message);
    }

    @Test
    void givenAnAverageRuleOnAnUnknownTopic_whenCheckedAgainstTheTopics_thenItFailsNamingTheTopicsAllowed() {
        AlertRules rules =
                AlertRules.parse(KEY, List.of(Map.of("name", "x", "when", "average", "topic", "gpu", "above", 1)));

        assertThatThrownBy(() -> rules.checkTopics(KEY, List.of("cpuLoad", "memLoad")))
                .hasMessage(
                        "bad configuration: loadrank.alerts[0].topic = 'gpu'; allowed: one of the topics [cpuLoad, memLoad]");
    }

    @Test
    void givenGoodRules_whenParsed_thenDefaultsApplyAndTheConfigFormReadsBackTheSame() {
        AlertRules rules = AlertRules.parse(
                KEY,
                List.of(
                        rule("hot", "score", 40),
                        Map.of(
                                "name",
                                "cpu",
                                "when",
                                "AVERAGE",
                                "topic",
                                "cpuLoad",
                                "above",
                                "90.5",
                                "for.secs",
                                30,
                                "clear.secs",
                                "5"),
                        Map.of("name", "gone", "when", "stale"),
                        Map.of("name", "top", "when", "dcTopChanged"),
                        Map.of("name", "fleet", "when", "topicAverage", "topic", "memLoad", "above", 70)));

        assertThat(rules.rules())
                .containsExactly(
                        new AlertRule("hot", AlertKind.SCORE, null, 40, 10_000, 10_000),
                        new AlertRule("cpu", AlertKind.AVERAGE, "cpuLoad", 90.5, 30_000, 5_000),
                        new AlertRule("gone", AlertKind.STALE, null, Double.NaN, 0, 10_000),
                        new AlertRule("top", AlertKind.DC_TOP_CHANGED, null, Double.NaN, 10_000, 10_000),
                        new AlertRule("fleet", AlertKind.TOPIC_AVERAGE, "memLoad", 70, 10_000, 10_000));
        assertThat(AlertRules.parse(KEY, rules.asConfig())).isEqualTo(rules);
    }

    @Test
    void givenSomethingOtherThanAList_whenParsed_thenNull() {
        assertThat(AlertRules.parse(KEY, "hot")).isNull();
    }

    private static Map<String, Object> rule(String name, String when, double above) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("name", name);
        rule.put("when", when);
        rule.put("above", above);
        return rule;
    }
}
