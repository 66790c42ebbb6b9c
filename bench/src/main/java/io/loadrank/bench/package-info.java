/** The measuring tools that scripts/bench.sh drives; see docs/BENCHMARKS.md. */
package io.loadrank.bench;
