package io.loadrank.slice;

/**
 * One ranked host of a slice, as its record on the rankings topic carries it.
 *
 * @param host       the host name
 * @param rank       its place within the slice, from 1
 * @param score      its score within the slice: its weighted mean share of the slice's load, 0-100;
 *                   a slice's scores add up to 100
 * @param load       its score relative to the slice's mean score (1.0 = average, 2.0 = twice the
 *                   average); 0 when every score of the slice is 0
 * @param fleetRank  its place in the fleet-wide ranking, from 1; 0 when the record does not say
 * @param fleetScore its score among every ranked host of the fleet, 0-100; NaN when the record does not say
 * @param incomplete true when it has no value for at least one topic
 * @param hostId     its Cassandra host id, or null
 * @param address    its address from its host info, or null
 * @param rack       its rack, or null
 * @param averages   per topic of the ranking, in its order: the window average, NaN where it has none
 * @param lastSeenMillis the time of its newest sample in the window, epoch milliseconds; 0 when the
 *                   record does not say
 */
public record SliceHost(
        String host,
        int rank,
        double score,
        double load,
        int fleetRank,
        double fleetScore,
        boolean incomplete,
        String hostId,
        String address,
        String rack,
        double[] averages,
        long lastSeenMillis) {}
