package io.loadrank.message;

/**
 * One measurement of one metric on one database host: the payload of every message loadrank
 * carries. The metric is not part of the sample; it is the Kafka topic the sample travels on.
 *
 * @param host            the database host, valid as {@link WireFormat#isValidHost(CharSequence)} says
 * @param value           the measured value, finite and not negative
 * @param timestampMillis when the value was measured, milliseconds since the epoch
 */
public record Sample(String host, double value, long timestampMillis) {}
