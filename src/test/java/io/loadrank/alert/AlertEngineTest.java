package io.loadrank.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The alert engine under a hand-moved clock. A case is a rule and a list of rankings, one a second
 * ({@code "H=60 A=10"}: host H has the value 60; a host written {@code ~H} is stale; {@code eu:H}
 * puts H in datacenter eu), and the events expected, as {@code second state subject occurrences}.
 */
class AlertEngineTest {

    static final AlertRule SCORE_50 = new AlertRule("hot", AlertKind.SCORE, null, 50, 4_000, 4_000);
    static final AlertRule SCORE_NOW = new AlertRule("hot", AlertKind.SCORE, null, 50, 0, 0);
    static final AlertRule CPU_80 = new AlertRule("cpu", AlertKind.AVERAGE, "cpuLoad", 80, 2_000, 2_000);
    static final AlertRule FLEET_CPU_50 =
            new AlertRule("fleetcpu", AlertKind.TOPIC_AVERAGE, "cpuLoad", 50, 1_000, 1_000);
    static final AlertRule DC_SCORE_50 = new AlertRule("dchot", AlertKind.DC_SCORE, null, 50, 0, 2_000);
    static final AlertRule STALE = new AlertRule("stale", AlertKind.STALE, null, Double.NaN, 0, 0);
    static final AlertRule TOP = new AlertRule("top", AlertKind.DC_TOP_CHANGED, null, Double.NaN, 3_000, 5_000);

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(
                        "given a score above the threshold for less than 'for', then nothing fires",
                        SCORE_50,
                        List.of("H=60", "H=60", "H=60", "H=40", "H=40"),
                        List.of()),
                Arguments.of(
                        "given a score above the threshold for 'for', then it fires once and keeps firing silently",
                        SCORE_50,
                        List.of("H=60", "H=60", "H=60", "H=60", "H=60", "H=70", "H=60", "H=60"),
                        List.of("4 firing H 1")),
                Arguments.of(
                        "given a break while waiting out 'for', then the wait starts again",
                        SCORE_50,
                        List.of("H=60", "H=60", "H=60", "H=40", "H=60", "H=60", "H=60", "H=60", "H=60"),
                        List.of("8 firing H 1")),
                Arguments.of(
                        "given a flap shorter than 'clear' while firing, then no second firing and two occurrences",
                        SCORE_50,
                        List.of(
                                "H=60", "H=60", "H=60", "H=60", "H=60", "H=40", "H=40", "H=60", "H=60", "H=40", "H=40",
                                "H=40", "H=40", "H=40", "H=40"),
                        List.of("4 firing H 1", "13 resolved H 2")),
                Arguments.of(
                        "given the condition false for 'clear', then it resolves once, and a new episode fires anew",
                        SCORE_NOW,
                        List.of("H=60", "H=40", "H=40", "H=60"),
                        List.of("0 firing H 1", "1 resolved H 1", "3 firing H 1")),
                Arguments.of(
                        "given a firing host that leaves the ranking, then it resolves",
                        SCORE_NOW,
                        List.of("H=60 A=1", "A=1"),
                        List.of("0 firing H 1", "1 resolved H 1")),
                Arguments.of(
                        "given two hosts above, then one alert each",
                        SCORE_NOW,
                        List.of("H=60 G=55 A=1"),
                        List.of("0 firing H 1", "0 firing G 1")),
                Arguments.of(
                        "given a topic average above the threshold, then the average rule fires for that host",
                        CPU_80,
                        List.of("H=90 A=10", "H=90 A=10", "H=90 A=10"),
                        List.of("2 firing H 1")),
                Arguments.of(
                        "given a topic's mean over the hosts above the threshold, then one alert for the topic",
                        FLEET_CPU_50,
                        List.of("H=90 A=20", "H=90 A=20", "H=70 A=20", "H=70 A=20", "H=70 A=20"),
                        List.of("1 firing cpuLoad 1", "3 resolved cpuLoad 1")),
                Arguments.of(
                        "given a datacenter score rule and hosts without datacenter, then nothing fires",
                        DC_SCORE_50,
                        List.of("H=90", "H=90"),
                        List.of()),
                Arguments.of(
                        "given a datacenter score above the threshold, then the rule fires",
                        DC_SCORE_50,
                        List.of("eu:H=90 eu:A=10", "eu:H=40 eu:A=60", "eu:H=40", "eu:H=40", "eu:H=40"),
                        List.of("0 firing H 1", "1 firing A 1", "3 resolved H 1", "4 resolved A 1")),
                Arguments.of(
                        "given a host that goes stale and comes back, then stale fires and resolves",
                        STALE,
                        List.of("H=10 A=10", "A=10 ~H", "A=10 ~H", "H=10 A=10"),
                        List.of("1 firing H 1", "3 resolved H 1")),
                Arguments.of(
                        "given a new top host that stays on top for 'for', then the top rule fires for its group",
                        TOP,
                        List.of(
                                "A=50 B=40",
                                "B=50 A=40",
                                "B=50 A=40",
                                "B=50 A=40",
                                "B=50 A=40",
                                "B=50 A=40",
                                "B=50 A=40",
                                "B=50 A=40",
                                "B=50 A=40",
                                "B=50 A=40"),
                        List.of("4 firing (no datacenter) 1", "9 resolved (no datacenter) 1")),
                Arguments.of(
                        "given top hosts that swap faster than 'for', then the top rule stays quiet",
                        TOP,
                        List.of(
                                "A=50 B=40",
                                "B=50 A=40",
                                "B=50 A=40",
                                "A=50 B=40",
                                "B=50 A=40",
                                "A=50 B=40",
                                "A=50 B=40",
                                "A=50 B=40",
                                "A=50 B=40"),
                        List.of()),
                Arguments.of(
                        "given two changes within 'clear', then one firing with two occurrences",
                        TOP,
                        List.of(
                                "A=50 B=40",
                                "B=50 A=40",
                                "B=50 A=40",
                                "B=50 A=40",
                                "B=50 A=40",
                                "A=50 B=40",
                                "A=50 B=40",
                                "A=50 B=40",
                                "A=50 B=40",
                                "A=50 B=40",
                                "A=50 B=40",
                                "A=50 B=40",
                                "A=50 B=40",
                                "A=50 B=40"),
                        List.of("4 firing (no datacenter) 1", "13 resolved (no datacenter) 2")),
                Arguments.of(
                        "given datacenters, then the top rule watches each on its own",
                        TOP,
                        List.of(
                                "eu:A=50 eu:B=40 us:C=30",
                                "eu:A=50 eu:B=40 us:C=30 us:D=35",
                                "eu:A=50 eu:B=40 us:C=30 us:D=35",
                                "eu:A=50 eu:B=40 us:C=30 us:D=35",
                                "eu:A=50 eu:B=40 us:C=30 us:D=35"),
                        List.of("4 firing us 1")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void givenRankings_whenEvaluatedEverySecond_thenTheEventsAreAsExpected(
            String name, AlertRule rule, List<String> rankings, List<String> expected) {
        AlertEngine engine = new AlertEngine(new AlertRules(List.of(rule)));
        List<String> events = new ArrayList<>();
        for (int second = 0; second < rankings.size(); second++) {
            for (AlertEvent event : engine.evaluate(snapshot(second * 1000L, rankings.get(second)))) {
                events.add(second + " " + event.state().label() + " " + event.subject() + " " + event.occurrences());
            }
        }
        assertThat(events).isEqualTo(expected);
    }

    @Test
    void givenAFlappingAlert_whenItResolves_thenTheEventCarriesFirstSeenLastSeenOccurrencesAndTheLastValue() {
        AlertEngine engine = new AlertEngine(new AlertRules(List.of(SCORE_50)));
        List<AlertEvent> events = new ArrayList<>();
        String[] rankings = {
            "H=60", "H=61", "H=62", "H=63", "H=64", "H=40", "H=65", "H=40", "H=40", "H=40", "H=40", "H=40"
        };
        for (int second = 0; second < rankings.length; second++) {
            events.addAll(engine.evaluate(snapshot(100_000 + second * 1000L, rankings[second])));
            if (second == 5) {
                assertThat(engine.active())
                        .singleElement()
                        .satisfies(active ->
                                assertThat(active.holding()).as("clearing").isFalse());
            }
        }
        assertThat(events).hasSize(2);
        AlertEvent firing = events.get(0);
        assertThat(firing.id()).isEqualTo("hot/H");
        assertThat(firing.state()).isEqualTo(AlertEvent.State.FIRING);
        assertThat(firing.firstSeenMillis()).isEqualTo(100_000);
        assertThat(firing.value()).isEqualTo(64);
        assertThat(firing.message()).isEqualTo("score of H is 64.0, above 50.0");
        AlertEvent resolved = events.get(1);
        assertThat(resolved.state()).isEqualTo(AlertEvent.State.RESOLVED);
        assertThat(resolved.atMillis()).as("false from 107 s, clear 4 s").isEqualTo(111_000);
        assertThat(resolved.firstSeenMillis()).isEqualTo(100_000);
        assertThat(resolved.lastSeenMillis()).isEqualTo(106_000);
        assertThat(resolved.value())
                .as("the last value while the condition held")
                .isEqualTo(65);
        assertThat(resolved.occurrences()).isEqualTo(2);
        assertThat(engine.active()).isEmpty();
    }

    @Test
    void givenAFiringAlert_whenAskedForTheActiveOnes_thenItIsListedWithItsLatestValue() {
        AlertEngine engine = new AlertEngine(new AlertRules(List.of(SCORE_NOW, STALE)));
        engine.evaluate(snapshot(0, "H=60 ~D"));
        engine.evaluate(snapshot(1000, "H=70 ~D"));

        assertThat(engine.active())
                .extracting(AlertEvent::id, AlertEvent::value, AlertEvent::holding)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("hot/H", 70.0, true),
                        org.assertj.core.groups.Tuple.tuple("stale/D", 1.0, true));
    }

    /** {@code "eu:H=60 A=10 ~D"}; the value is the score, the dcScore when the host has a datacenter, and the cpuLoad average. */
    static FleetSnapshot snapshot(long atMillis, String ranking) {
        Map<String, Double> values = new LinkedHashMap<>();
        List<FleetSnapshot.Host> ranked = new ArrayList<>();
        List<FleetSnapshot.Stale> stale = new ArrayList<>();
        for (String entry : ranking.trim().split("\\s+")) {
            String datacenter = null;
            if (entry.contains(":")) {
                datacenter = entry.substring(0, entry.indexOf(':'));
                entry = entry.substring(entry.indexOf(':') + 1);
            }
            if (entry.startsWith("~")) {
                stale.add(new FleetSnapshot.Stale(entry.substring(1), datacenter, 0));
                continue;
            }
            String host = entry.substring(0, entry.indexOf('='));
            double value = Double.parseDouble(entry.substring(entry.indexOf('=') + 1));
            values.put(host, value);
            ranked.add(new FleetSnapshot.Host(
                    host, datacenter, value, datacenter == null ? Double.NaN : value, new double[] {value, Double.NaN
                    }));
        }
        ranked.sort((a, b) -> Double.compare(b.score(), a.score()));
        return new FleetSnapshot(atMillis, List.of("cpuLoad", "memLoad"), ranked, stale);
    }
}
