/**
 * JMH microbenchmarks of loadrank's pure logic at fleet scale (100,000 hosts): the sliding-window
 * update, the rankings and the global score; and the balancer's cost per driver query plan
 * (QueryPlanBenchmark, docs/BALANCER.md). Run with {@code java -jar bench/target/loadrank-bench.jar};
 * see docs/BENCHMARKS.md.
 */
package io.loadrank.bench.jmh;
