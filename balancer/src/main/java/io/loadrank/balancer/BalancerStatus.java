package io.loadrank.balancer;

import com.datastax.oss.driver.api.core.metadata.Node;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What the balancer is doing, for an application's health page or metrics.
 *
 * @param demoted          local nodes moved behind the others right now, hottest first
 * @param rankingAge       age of the latest ranking read; empty before the first
 * @param demotions        times a node was demoted since the session started
 * @param restorations     times a demoted node got its place back (cooled, capped out, ranking expired)
 * @param rankingsRead     whole rankings of the session's slice taken in
 * @param sliceRecords     records of the session's slice read (parts, tombstones and refused ones included)
 * @param skippedRecords   records of other slices on the same partition, skipped by their key
 * @param malformedRecords records of the session's slice that could not be used (skipped)
 * @param outOfOrder       rankings skipped for being older than one already taken
 * @param kafkaReachable   false while the rankings topic cannot be read
 * @param kafkaOutages     outages of Kafka seen so far
 */
public record BalancerStatus(
        List<Node> demoted,
        Optional<Duration> rankingAge,
        long demotions,
        long restorations,
        long rankingsRead,
        long sliceRecords,
        long skippedRecords,
        long malformedRecords,
        long outOfOrder,
        boolean kafkaReachable,
        long kafkaOutages) {

    public BalancerStatus {
        demoted = List.copyOf(demoted);
    }
}
