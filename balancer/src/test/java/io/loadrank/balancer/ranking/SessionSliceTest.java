package io.loadrank.balancer.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadrank.slice.Slice;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SessionSliceTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                // name, configured cluster, driver's cluster, local dc, slice cluster
                "given no option, when resolved, then the driver's cluster name          | -     | prod | eu | prod",
                "given a cluster name option, when resolved, then it wins over the driver's | other | prod | eu | other",
                "given an empty cluster option, when resolved, then the slice without cluster | ''  | prod | eu | -",
                "given no option and no name from the driver, when resolved, then no cluster | -   | -    | eu | -",
            })
    void cluster(String name, String configured, String driverCluster, String localDc, String expectedCluster) {
        Optional<Slice> slice = SessionSlice.of(configured, Optional.ofNullable(driverCluster), localDc);

        assertThat(slice).contains(new Slice(expectedCluster, localDc));
    }

    @ParameterizedTest(name = "given no local datacenter and cluster option {0}, when resolved, then no slice")
    @CsvSource(
            nullValues = "-",
            value = {"-", "prod"})
    void noLocalDatacenter(String configured) {
        assertThat(SessionSlice.of(configured, Optional.of("prod"), null)).isEmpty();
    }

    @ParameterizedTest(name = "given cluster option {0} and driver cluster {1}, when logged, then \"{2}\"")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            nullValues = "-",
            value = {
                "-     | prod | 'prod' as the driver reads it",
                "-     | -    | none: the driver read no cluster name",
                "\"\"  | prod | none, as configured",
                "other | prod | 'other' as configured",
            })
    void clusterOrigin(String configured, String driverCluster, String expected) {
        assertThat(SessionSlice.clusterOrigin(configured, Optional.ofNullable(driverCluster)))
                .isEqualTo(expected);
    }
}
