package io.loadrank.balancer.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlanOrderTest {

    /** Nodes are named by datacenter: l* local, r* remote. */
    @ParameterizedTest(name = "given plan [{1}] with [{2}] demoted, when reordered, then [{3}]")
    @CsvSource(
            delimiter = '|',
            value = {
                "demoted first moves behind the other local nodes   | l1 l2 l3       | l1    | l2 l3 l1",
                "demoted in the middle moves behind the last local  | l1 l2 l3       | l2    | l1 l3 l2",
                "demoted already last stays                         | l1 l2 l3       | l3    | l1 l2 l3",
                "two demoted keep their order                       | l1 l2 l3 l4    | l2 l1 | l3 l4 l1 l2",
                "remote nodes stay behind every local node          | l1 l2 r1 r2    | l1    | l2 l1 r1 r2",
                "all local demoted: nothing better, nothing moves   | l1 l2 r1       | l1 l2 | l1 l2 r1",
                "nothing demoted, nothing moves                     | l1 l2 l3       | -     | l1 l2 l3",
                "a demoted node absent from the plan changes nothing| l1 l2          | l9    | l1 l2",
                "single local node demoted stays first              | l1 r1          | l1    | l1 r1",
            })
    void reorder(String name, String plan, String demoted, String expected) {
        String[] nodes = plan.trim().split(" ");
        Set<String> hot =
                demoted.trim().equals("-") ? Set.of() : Set.of(demoted.trim().split(" "));

        PlanOrder.demote(nodes, hot::contains, node -> node.startsWith("l"));

        assertThat(Arrays.asList(nodes)).containsExactly(expected.trim().split(" "));
    }
}
