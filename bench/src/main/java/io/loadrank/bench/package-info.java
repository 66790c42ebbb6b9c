/** The measuring tools that scripts/bench.sh drives (SPEC section 8); see docs/BENCHMARKS.md. */
package io.loadrank.bench;
