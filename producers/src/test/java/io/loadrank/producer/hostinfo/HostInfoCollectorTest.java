package io.loadrank.producer.hostinfo;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadrank.hostinfo.HostInfo;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostInfoCollectorTest {

    private static final String ID = "6a0e1c2e-5b7d-4c1a-9f3e-2d4b6a8c0e1f";

    private final HostInfoCollector collector = new HostInfoCollector("cass-eu-1");

    @Test
    void givenEveryValue_whenCollected_thenTheRecordHasThemAll() {
        collector.begin();
        collector.snitch(Map.of("Datacenter", "eu-west", "Rack", "r2"));
        collector.storageService(Map.of(
                "LocalHostId",
                ID,
                "ClusterName",
                "Test Cluster",
                "HostIdToEndpoint",
                Map.of(ID, "10.1.2.3", "11111111-2222-3333-4444-555555555555", "10.1.2.4")));

        assertThat(collector.result())
                .contains(new HostInfo("cass-eu-1", "eu-west", "r2", ID, "Test Cluster", "10.1.2.3"));
    }

    @Test
    void givenNoDatacenter_whenCollected_thenThereIsNoRecord() {
        collector.begin();
        collector.storageService(Map.of("LocalHostId", ID));

        assertThat(collector.result()).isEmpty();
    }

    @Test
    void givenADatacenterThatIsNotAValidName_whenCollected_thenThereIsNoRecord() {
        collector.begin();
        collector.snitch(Map.of("Datacenter", "eu west/1", "Rack", "r1"));

        assertThat(collector.result()).isEmpty();
    }

    @Test
    void givenInvalidOptionalValues_whenCollected_thenTheyAreLeftOutAndTheRestIsSent() {
        collector.begin();
        collector.snitch(Map.of("Datacenter", "eu-west", "Rack", "rack 1"));
        collector.storageService(Map.of("LocalHostId", "not-a-uuid", "ClusterName", "<prod>"));

        assertThat(collector.result()).contains(HostInfo.of("cass-eu-1", "eu-west"));
    }

    @Test
    void givenANewReading_whenBegun_thenTheOldOneIsForgotten() {
        collector.begin();
        collector.snitch(Map.of("Datacenter", "eu-west"));
        collector.begin();

        assertThat(collector.result()).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "10.1.2.3              | 10.1.2.3",
                "/10.1.2.3             | 10.1.2.3",
                "10.1.2.3:7000         | 10.1.2.3",
                "/10.1.2.3:7000        | 10.1.2.3",
                "2001:db8::1           | 2001:db8::1",
                "[2001:db8::1]:7000    | 2001:db8::1",
                "cass-1.example.org    | cass-1.example.org",
            })
    void givenAnEndpointInCassandrasForms_whenItsAddressIsTaken_thenItIsThePlainAddress(
            String endpoint, String address) {
        assertThat(HostInfoCollector.address(Map.of(ID.toUpperCase(), endpoint), ID))
                .isEqualTo(address);
    }
}
