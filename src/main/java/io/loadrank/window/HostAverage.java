package io.loadrank.window;

import java.io.Serializable;

/**
 * The window average of one host for one metric.
 *
 * @param host             the host
 * @param average          the mean of the samples in the window (floating-point division)
 * @param samples          how many samples the mean is over
 * @param lastSampleMillis the newest sample time in the window: when the host was last seen
 */
public record HostAverage(String host, double average, int samples, long lastSampleMillis) implements Serializable {}
