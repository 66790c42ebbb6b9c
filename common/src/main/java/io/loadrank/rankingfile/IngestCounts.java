package io.loadrank.rankingfile;

import java.util.Map;

/**
 * The {@code ingest} object of a topic ranking file: what the topic's windows did with the samples
 * they were given, and what its parsers refused, counted since the start.
 *
 * @param accepted       samples taken into a window
 * @param duplicates     samples refused as repeats of one already taken
 * @param late           samples refused as older than the window
 * @param early          samples refused as too far ahead of the clock
 * @param malformedTotal messages refused as malformed
 * @param malformed      a reason's label to how many messages it refused
 */
public record IngestCounts(
        long accepted, long duplicates, long late, long early, long malformedTotal, Map<String, Long> malformed) {}
