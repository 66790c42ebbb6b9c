package io.loadrank.steering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SendOrderTest {

    @ParameterizedTest(name = "given round {0}, when rotated, then {1}")
    @CsvSource({"0, a b c", "1, b c a", "2, c a b", "3, a b c", "7, b c a", "-1, c a b", "2147483647, b c a"})
    void rotated(int round, String expected) {
        assertThat(SendOrder.rotated(List.of("a", "b", "c"), round)).containsExactly(expected.split(" "));
    }

    @Test
    void givenFivePoliciesOver1000Rounds_whenCountingWhoSendsFirst_thenEachSendsFirstEquallyOften() {
        List<String> policies = List.of("p1", "p2", "p3", "p4", "p5");
        Map<String, Integer> first = new HashMap<>();

        for (int round = 0; round < 1000; round++) {
            first.merge(SendOrder.rotated(policies, round).get(0), 1, Integer::sum);
        }

        assertThat(first)
                .containsOnlyKeys(policies)
                .allSatisfy((policy, times) -> assertThat(times).isEqualTo(200));
    }

    @Test
    void givenNoPolicies_whenRotated_thenEmpty() {
        assertThat(SendOrder.rotated(List.of(), 3)).isEmpty();
    }
}
