/**
 * JMH microbenchmarks of loadrank's pure logic at fleet scale (100,000 hosts): the sliding-window
 * update, the rankings and the global score. Run with {@code java -jar bench/target/loadrank-bench.jar};
 * see docs/BENCHMARKS.md.
 */
package io.loadrank.bench.jmh;
