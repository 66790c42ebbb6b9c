package io.loadrank.bench.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.metadata.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The benchmark's own set-up, run once as JMH would: the build runs no benchmark, so a set-up that
 * no longer demotes its hot node (a ranking record the policy now refuses, say) would otherwise go
 * unnoticed until someone measures.
 */
class QueryPlanBenchmarkTest {

    @ParameterizedTest
    @ValueSource(ints = {3, 12, 48})
    void givenAHotNode_whenTheBenchmarkIsSetUp_thenTheBalancersPlanPutsItLastAndTheDriversKeepsEveryNode(int nodes)
            throws Exception {
        QueryPlanBenchmark benchmark = new QueryPlanBenchmark();
        benchmark.nodes = nodes;
        benchmark.hot = true;
        try {
            benchmark.buildThePolicies();

            List<Node> balancer = drain(benchmark.loadAwarePlan());
            List<Node> driver = drain(benchmark.driverPlan());

            assertThat(balancer).as("the balancer's plan").hasSize(nodes);
            assertThat(balancer.get(nodes - 1).getEndPoint().resolve().toString())
                    .as("the hot node, 10.0.0.1, last")
                    .contains("10.0.0.1:");
            assertThat(driver).as("the driver's plan").hasSize(nodes);
        } finally {
            benchmark.close();
        }
    }

    private static List<Node> drain(Queue<Node> plan) {
        List<Node> nodes = new ArrayList<>();
        for (Node node = plan.poll(); node != null; node = plan.poll()) {
            nodes.add(node);
        }
        return nodes;
    }
}
