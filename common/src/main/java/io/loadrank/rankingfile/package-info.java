/**
 * The ranking files the topology writes ({@code <topic>.json}, {@code GlobalRankings.json}), read
 * back: {@link io.loadrank.rankingfile.RankingFileReader} into the records of this package, for
 * the ranking view and the tests; {@link io.loadrank.rankingfile.RankingFileScan} streams only the
 * hosts or the summary numbers of files too large to copy every emit, for the benchmarks. The
 * rankings topic's records are {@link io.loadrank.slice}'s.
 *
 * <p>Fields a reader does not know are skipped, so a newer writer's files stay readable; fields a
 * newer writer adds and a reader may use are nullable components here.
 */
package io.loadrank.rankingfile;
