package io.loadrank.alert;

import java.io.Serializable;

/**
 * One alert rule of {@code loadrank.alerts} (docs/ALERTS.md).
 *
 * @param name        the rule's name, unique among the rules; part of every alert's id
 * @param kind        what the rule watches
 * @param topic       for {@link AlertKind#AVERAGE}: the topic whose average is watched; otherwise null
 * @param threshold   for the threshold kinds: the value the watched value must be above; otherwise NaN
 * @param forMillis   how long the condition must hold before the alert fires (for
 *                    {@link AlertKind#DC_TOP_CHANGED}: how long the new top host must stay on top)
 * @param clearMillis how long the condition must stay false before a firing alert resolves (for
 *                    {@link AlertKind#DC_TOP_CHANGED}: how long the alert stays active after the
 *                    last change)
 */
public record AlertRule(String name, AlertKind kind, String topic, double threshold, long forMillis, long clearMillis)
        implements Serializable {}
