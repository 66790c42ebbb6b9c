package io.loadrank.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadrank.message.ParseResult;
import io.loadrank.message.Sample;
import io.loadrank.message.WireFormat;
import io.loadrank.metric.Metric;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostFleetTest {

    private static final long START = 1_763_800_000_000L;

    /** (topic, message) of every message of rounds [0, rounds), in order. */
    private static List<String> messages(HostFleet fleet, long rounds) {
        List<String> out = new ArrayList<>();
        for (long round = 0; round < rounds; round++) {
            fleet.generateRound(
                    round, START, (metric, host, message) -> out.add(metric.defaultTopic() + " " + message));
        }
        return out;
    }

    private static Sample parse(CharSequence message) {
        ParseResult result = WireFormat.parse(message, 1);
        assertThat(result).as("message '%s'", message).isInstanceOf(ParseResult.Valid.class);
        return ((ParseResult.Valid) result).sample();
    }

    private static SimulatedHost firstWith(HostFleet fleet, LoadProfile profile) {
        return fleet.hosts().stream()
                .filter(h -> h.profile() == profile)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void the_same_seed_gives_the_same_messages_every_time() {
        // given two fleets with the same seed, when both generate 200 rounds from the same start
        List<String> first = messages(HostFleet.create(30, 42, 1), 200);
        List<String> second = messages(HostFleet.create(30, 42, 1), 200);

        // then the sequences are identical, message for message
        assertThat(first).hasSizeGreaterThan(20_000).isEqualTo(second);
    }

    @Test
    void a_round_does_not_depend_on_the_rounds_generated_before_it() {
        HostFleet fleet = HostFleet.create(12, 42, 1);
        List<String> all = messages(fleet, 60);
        List<String> round59 = new ArrayList<>();
        HostFleet.create(12, 42, 1)
                .generateRound(
                        59, START, (metric, host, message) -> round59.add(metric.defaultTopic() + " " + message));

        assertThat(all.subList(all.size() - round59.size(), all.size())).isEqualTo(round59);
    }

    @Test
    void a_different_seed_gives_different_messages() {
        assertThat(messages(HostFleet.create(30, 43, 1), 20)).isNotEqualTo(messages(HostFleet.create(30, 42, 1), 20));
    }

    @Test
    void hosts_are_named_by_region_and_spread_over_the_regions() {
        HostFleet fleet = HostFleet.create(12, 42, 1);

        assertThat(fleet.hosts())
                .extracting(SimulatedHost::name)
                .startsWith("cass-eu-west-1", "cass-us-east-1", "cass-ap-southeast-1")
                .contains("cass-eu-west-2", "cass-sa-east-2")
                .doesNotHaveDuplicates();
        assertThat(fleet.hosts().stream().map(SimulatedHost::region).distinct()).hasSize(HostFleet.REGIONS.length);
    }

    @ParameterizedTest(name = "{0} hosts")
    @CsvSource({"4", "12", "100"})
    void every_profile_is_in_every_fleet_of_at_least_four_hosts(int hosts) {
        assertThat(HostFleet.create(hosts, 7, 1).hosts().stream()
                        .map(SimulatedHost::profile)
                        .collect(Collectors.toSet()))
                .isEqualTo(EnumSet.allOf(LoadProfile.class));
    }

    @Test
    void every_message_parses_and_carries_its_host_and_the_rounds_sample_time() {
        HostFleet fleet = HostFleet.create(24, 42, 2);
        for (long round = 0; round < 300; round++) {
            long expectedTime = START + round * 500;
            fleet.generateRound(round, START, (metric, host, message) -> {
                Sample sample = parse(message);
                assertThat(sample.host()).isEqualTo(host.name());
                assertThat(sample.timestampMillis()).isEqualTo(expectedTime);
            });
        }
    }

    @ParameterizedTest(name = "{0} rounds at {1} Hz from a start 10 s ago")
    @CsvSource({"20, 2", "2000, 200", "200, 20"})
    void a_prefill_of_r_rounds_at_r_tenths_hertz_spans_ten_seconds_from_its_start_time(long rounds, double rateHz) {
        // given the benchmark's prefill: R rounds at R/10 Hz from an explicit start time (--start-time)
        HostFleet fleet = HostFleet.create(12, 42, rateHz);
        long start = START - 10_000;

        // then the sample times run from the start to one period short of 10 s later, evenly
        assertThat(fleet.sampleTimeMillis(start, 0)).isEqualTo(start);
        assertThat(fleet.sampleTimeMillis(start, rounds - 1)).isEqualTo(START - Math.round(1000 / rateHz));
        assertThat(fleet.sampleTimeMillis(start, rounds)).isEqualTo(START);
    }

    @ParameterizedTest(name = "{0} in [{1}, {2}]")
    @CsvSource({
        "CPU_LOAD,       0, 100",
        "MEM_LOAD,       0, 100",
        "PENDING_TASKS,  0, 5000",
        "READ_LATENCY,  50, 100000",
        "WRITE_LATENCY, 20, 50000",
    })
    void values_are_realistic_for_each_metric(Metric wanted, double min, double max) {
        HostFleet fleet = HostFleet.create(60, 42, 1);
        List<Double> values = new ArrayList<>();
        for (long round = 0; round < 600; round++) {
            fleet.generateRound(round, START, (metric, host, message) -> {
                if (metric == wanted) {
                    values.add(parse(message).value());
                }
            });
        }
        assertThat(values).isNotEmpty().allSatisfy(v -> assertThat(v).isBetween(min, max));
        if (wanted == Metric.PENDING_TASKS) {
            assertThat(values).allSatisfy(v -> assertThat(v % 1).isZero());
        }
    }

    @Test
    void the_silent_host_sends_nothing_during_its_silence_and_comes_back() {
        HostFleet fleet = HostFleet.create(12, 42, 1);
        SimulatedHost silent = firstWith(fleet, LoadProfile.SILENT);
        List<Long> roundsWithMessages = new ArrayList<>();
        for (long round = 0; round < 120; round++) {
            long r = round;
            fleet.generateRound(round, START, (metric, host, message) -> {
                if (host.equals(silent)
                        && (roundsWithMessages.isEmpty()
                                || roundsWithMessages.get(roundsWithMessages.size() - 1) != r)) {
                    roundsWithMessages.add(r);
                }
            });
        }
        // the silence: one gap of more than the topology's staleAfter (10 s), within the first minute
        List<long[]> gaps = new ArrayList<>();
        for (int i = 1; i < roundsWithMessages.size(); i++) {
            long gap = roundsWithMessages.get(i) - roundsWithMessages.get(i - 1);
            if (gap > 1) {
                gaps.add(new long[] {roundsWithMessages.get(i - 1) + 1, roundsWithMessages.get(i)});
            }
        }
        assertThat(gaps).hasSize(1);
        long silentFrom = gaps.get(0)[0];
        long backAt = gaps.get(0)[1];
        assertThat(backAt - silentFrom).isGreaterThanOrEqualTo(20);
        assertThat(silentFrom).isBetween(20L, 30L);
        assertThat(backAt).isLessThan(55L);
        for (long round = silentFrom; round < backAt; round++) {
            assertThat(fleet.silent(silent, round)).isTrue();
        }
        // every other host sends in every round
        long others = fleet.hosts().stream()
                .filter(h -> h.profile() != LoadProfile.SILENT)
                .count();
        List<String> round35 = new ArrayList<>();
        fleet.generateRound(35, START, (metric, host, message) -> round35.add(host.name()));
        assertThat(round35).hasSize((int) others * Metric.values().length).doesNotContain(silent.name());
    }

    @Test
    void the_spike_is_visible_and_goes_away_again() {
        HostFleet fleet = HostFleet.create(12, 42, 1);
        SimulatedHost spiky = firstWith(fleet, LoadProfile.SPIKE);

        Map<String, Double> before = valuesAt(fleet, spiky, 10);
        Map<String, Double> during = valuesAt(fleet, spiky, 31);
        Map<String, Double> after = valuesAt(fleet, spiky, 55);

        assertThat(during.get("cpuLoad")).isGreaterThan(85).isGreaterThan(before.get("cpuLoad") + 30);
        assertThat(during.get("pendingTasks")).isGreaterThan(10 * Math.max(1, before.get("pendingTasks")));
        assertThat(during.get("readLatency")).isGreaterThan(5 * before.get("readLatency"));
        assertThat(after.get("cpuLoad")).isLessThan(before.get("cpuLoad") + 15);
        // and it is the most loaded host during its spike
        SimulatedHost steadyHost = firstWith(fleet, LoadProfile.STEADY);
        assertThat(during.get("cpuLoad"))
                .isGreaterThan(valuesAt(fleet, steadyHost, 31).get("cpuLoad"));
    }

    @Test
    void the_rising_host_rises_over_minutes() {
        HostFleet fleet = HostFleet.create(12, 42, 1);
        SimulatedHost rising = firstWith(fleet, LoadProfile.RISING);
        double early = cpuAverage(fleet, rising, 0);
        double later = cpuAverage(fleet, rising, 90);

        assertThat(later).isGreaterThan(early + 10);
    }

    @Test
    void a_fleet_needs_a_host_and_a_positive_rate() {
        assertThatThrownBy(() -> HostFleet.create(0, 1, 1)).hasMessageContaining("at least one host");
        assertThatThrownBy(() -> HostFleet.create(1, 1, 0)).hasMessageContaining("rate");
    }

    private static double cpuAverage(HostFleet fleet, SimulatedHost host, long fromRound) {
        double sum = 0;
        for (long round = fromRound; round < fromRound + 10; round++) {
            sum += fleet.value(host, Metric.CPU_LOAD, round);
        }
        return sum / 10;
    }

    private static Map<String, Double> valuesAt(HostFleet fleet, SimulatedHost wanted, long round) {
        Map<String, Double> values = new java.util.HashMap<>();
        fleet.generateRound(round, START, (metric, host, message) -> {
            if (host.equals(wanted)) {
                values.put(metric.defaultTopic(), parse(message).value());
            }
        });
        assertThat(values).as("%s sends in round %d", wanted.name(), round).hasSize(5);
        return values;
    }

    @Test
    void givenASeed_whenHostInfoIsMade_thenRegionsAreDatacentersWithAFewRacksAndHostIdsAreStableForTheSeed() {
        HostFleet fleet = HostFleet.create(36, 42, 1);
        List<io.loadrank.hostinfo.HostInfo> info =
                fleet.hosts().stream().map(fleet::hostInfo).toList();

        assertThat(info).allSatisfy(hostInfo -> {
            assertThat(io.loadrank.hostinfo.HostInfoFormat.parse(
                            hostInfo.host(), io.loadrank.hostinfo.HostInfoFormat.encode(hostInfo)))
                    .isEqualTo(new io.loadrank.hostinfo.HostInfoResult.Valid(hostInfo));
            assertThat(hostInfo.host()).startsWith("cass-" + hostInfo.datacenter() + "-");
        });
        assertThat(info).extracting(io.loadrank.hostinfo.HostInfo::datacenter).containsOnly(HostFleet.REGIONS);
        assertThat(info).extracting(io.loadrank.hostinfo.HostInfo::rack).containsOnly("rack1", "rack2", "rack3");
        assertThat(info.stream().map(io.loadrank.hostinfo.HostInfo::hostId).distinct())
                .hasSize(36);
        HostFleet again = HostFleet.create(36, 42, 1);
        assertThat(again.hosts().stream().map(again::hostInfo).toList())
                .as("same seed, same ids")
                .isEqualTo(info);
        HostFleet otherSeed = HostFleet.create(36, 43, 1);
        assertThat(otherSeed.hostInfo(otherSeed.hosts().get(0)).hostId())
                .as("another seed, other ids")
                .isNotEqualTo(info.get(0).hostId());
    }

    @ParameterizedTest(name = "{0} hosts at {1} Hz")
    @CsvSource({"7, 1", "250, 1", "1000, 0.2"})
    void givenASpreadRound_whenItsSlicesAreGenerated_thenTheySendTheRoundsMessagesEachAtItsSlicesTime(
            int hostCount, double rateHz) {
        HostFleet fleet = HostFleet.create(hostCount, 42, rateHz);
        long round = 3;
        List<String> whole = new ArrayList<>();
        fleet.generateRound(
                round,
                START,
                (metric, host, message) -> whole.add(
                        host.name() + " " + metric + " " + parse(message).value()));

        List<String> sliced = new ArrayList<>();
        long previousTime = Long.MIN_VALUE;
        for (int slice = 0; slice < HostFleet.SPREAD_SLICES; slice++) {
            long sliceTime = fleet.sampleTimeMillis(START, round, slice);
            assertThat(sliceTime).as("slice %d's time", slice).isGreaterThanOrEqualTo(previousTime);
            previousTime = sliceTime;
            int expectedSlice = slice;
            fleet.generateSlice(round, slice, START, (metric, host, message) -> {
                assertThat(fleet.sliceOf(host)).as("slice of %s", host.name()).isEqualTo(expectedSlice);
                assertThat(parse(message).timestampMillis()).isEqualTo(sliceTime);
                sliced.add(host.name() + " " + metric + " " + parse(message).value());
            });
        }

        // the same messages in the same order, only the sample times spread over the round's period
        assertThat(sliced).isNotEmpty().isEqualTo(whole);
        long period = Math.round(1000 / rateHz);
        assertThat(fleet.sampleTimeMillis(START, round, 0)).isEqualTo(fleet.sampleTimeMillis(START, round));
        assertThat(fleet.sampleTimeMillis(START, round, HostFleet.SPREAD_SLICES - 1))
                .isEqualTo(fleet.sampleTimeMillis(START, round) + period * 99 / 100)
                .isLessThan(fleet.sampleTimeMillis(START, round + 1));
    }
}
