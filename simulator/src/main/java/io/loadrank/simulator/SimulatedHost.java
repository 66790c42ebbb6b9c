package io.loadrank.simulator;

import java.nio.charset.StandardCharsets;

/**
 * One simulated Cassandra host: its name, region, load profile and the constants that make it
 * differ from its neighbours.
 *
 * @param index      its position in the fleet, part of every random number drawn for it
 * @param name       e.g. {@code cass-eu-west-3}
 * @param region     e.g. {@code eu-west}
 * @param profile    how its load changes over time
 * @param baseLoad   its load intensity when nothing special happens, 0..1
 * @param memoryBase its memory use in percent when idle
 * @param phase      0..1, shifts its profile's timings a little
 */
public record SimulatedHost(
        int index, String name, String region, LoadProfile profile, double baseLoad, double memoryBase, double phase) {

    /** The host name as the Kafka record key, encoded once rather than for every message. */
    byte[] keyBytes() {
        return name.getBytes(StandardCharsets.UTF_8);
    }
}
