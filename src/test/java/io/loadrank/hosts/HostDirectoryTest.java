package io.loadrank.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadrank.hostinfo.HostInfo;
import io.loadrank.hostinfo.HostInfoMalformedReason;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HostDirectoryTest {

    private final HostDirectory directory = new HostDirectory("hosts");

    @Test
    void givenTwoRecordsOfOneHost_whenAccepted_thenTheLatestWins() {
        directory.accept("A", "{\"host\":\"A\",\"datacenter\":\"north\",\"rack\":\"r1\"}");
        directory.accept("A", "{\"host\":\"A\",\"datacenter\":\"south\"}");

        assertThat(directory.hosts()).isEqualTo(Map.of("A", HostInfo.of("A", "south")));
        assertThat(directory.stats().accepted()).isEqualTo(2);
        assertThat(directory.stats().hosts()).isEqualTo(1);
    }

    @Test
    void givenAMalformedRecordAfterAValidOne_whenAccepted_thenTheValidOneStaysAndTheMalformedIsCountedByReason() {
        directory.accept("A", "{\"host\":\"A\",\"datacenter\":\"north\"}");
        directory.accept("A", "{\"host\":\"A\",\"datacenter\":\"../x\"}");
        directory.accept("A", "{\"host\":\"A\",\"datacenter\":\"a/b\"}");
        directory.accept("A", "{\"host\":\"A\"");

        assertThat(directory.hosts()).isEqualTo(Map.of("A", HostInfo.of("A", "north")));
        assertThat(directory.stats().malformed())
                .isEqualTo(Map.of(HostInfoMalformedReason.BAD_DATACENTER, 2L, HostInfoMalformedReason.BAD_JSON, 1L));
        assertThat(directory.stats().malformedTotal()).isEqualTo(3);
    }

    @Test
    void givenATombstone_whenAccepted_thenTheHostHasNoInfoAnyMore() {
        directory.accept("A", "{\"host\":\"A\",\"datacenter\":\"north\"}");
        directory.accept("B", "{\"host\":\"B\",\"datacenter\":\"north\"}");

        directory.accept("A", null);

        assertThat(directory.hosts()).containsOnlyKeys("B");
        assertThat(directory.stats().deleted()).isEqualTo(1);
    }
}
