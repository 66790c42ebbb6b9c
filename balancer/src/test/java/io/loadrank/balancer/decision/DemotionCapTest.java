package io.loadrank.balancer.decision;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DemotionCapTest {

    @ParameterizedTest(name = "given {0} nodes and fraction {1}, when capped, then at most {2} demoted")
    @CsvSource({
        "0,  0.34, 0",
        "1,  0.34, 0",
        "2,  0.34, 1",
        "3,  0.34, 1",
        "5,  0.34, 1",
        "6,  0.34, 2",
        "9,  0.34, 3",
        "100, 0.34, 34",
        "4,  0.5,  2",
        "10, 0.3,  3",
        "2,  0.99, 1",
        "3,  0.01, 1",
    })
    void givenADatacenterSize_whenCapped_thenFractionFloorButAtLeastOneOfTwoOrMore(
            int nodes, double fraction, int cap) {
        assertThat(DemotionCap.of(nodes, fraction)).isEqualTo(cap);
    }
}
