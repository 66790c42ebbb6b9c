/**
 * Slices: the unit the topology ranks on its own, one (cluster, datacenter) pair, and the record of
 * one slice on the rankings topic (docs/OUTPUT.md), defined once here for its writer (the topology)
 * and its readers (the driver balancer, the web view, the tests).
 *
 * <ul>
 *   <li>{@link io.loadrank.slice.Slice}: the pair, and the name of its files;</li>
 *   <li>{@link io.loadrank.slice.SliceKey}: the record key of each part, and the partition every
 *       part of a slice goes to;</li>
 *   <li>{@link io.loadrank.slice.SliceRecordFormat}: the record value, written in parts that each
 *       stay under Kafka's default record size, and read back;</li>
 *   <li>{@link io.loadrank.slice.SliceAssembler}: parts gathered into whole slice rankings.</li>
 * </ul>
 *
 * <p>No Kafka type but the partitioner's hash: the rules here are plain and unit-tested.
 */
package io.loadrank.slice;
