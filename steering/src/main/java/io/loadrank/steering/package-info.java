/**
 * The steering experiment: an open-loop application that measures, side by side and at the same
 * moments of one cluster, the latency a driver session gets with each load-balancing policy.
 *
 * <p>Pure logic (the open-loop schedule and its accounting, the statistics, the CSV and the report)
 * has no driver, Kafka or Cassandra types; {@link io.loadrank.steering.SteeringBench} and the classes
 * it names glue it to the driver, the cgroups and Kafka.
 */
package io.loadrank.steering;
