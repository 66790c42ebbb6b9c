package io.loadrank.alert;

import io.loadrank.alerts.AlertRecord;
import java.io.Serializable;

/**
 * An alert's state at one evaluation: what {@code Alerts.json} lists for an active alert, and what
 * goes to the alerts topic when an alert fires or resolves (docs/ALERTS.md).
 *
 * @param id               rule name and subject, {@code rule/subject}: one alert per rule and subject
 * @param state            firing or resolved
 * @param rule             the rule's name
 * @param kind             what the rule watches
 * @param subject          the host (host rules) or the datacenter group (top-host rule)
 * @param host             the host concerned: the subject, or the new top host; null when none
 * @param datacenter       the datacenter of the host, null when unknown
 * @param topic            the topic of an average rule, else null
 * @param threshold        the rule's threshold, NaN when it has none
 * @param value            the last value seen while the condition held (score, average, seconds
 *                         since last seen, or the new top host's score)
 * @param firstSeenMillis  when the condition of this episode was first seen
 * @param lastSeenMillis   when the condition was last seen holding
 * @param occurrences      how many times the condition began in this episode: 1, more when it
 *                         came back before the alert resolved (a flap absorbed)
 * @param holding          whether the condition holds at this evaluation (false: the alert is clearing)
 * @param atMillis         the time of this evaluation
 * @param message          one line for people
 */
public record AlertEvent(
        String id,
        State state,
        String rule,
        AlertKind kind,
        String subject,
        String host,
        String datacenter,
        String topic,
        double threshold,
        double value,
        long firstSeenMillis,
        long lastSeenMillis,
        int occurrences,
        boolean holding,
        long atMillis,
        String message)
        implements Serializable {

    public enum State {
        FIRING(AlertRecord.FIRING),
        RESOLVED(AlertRecord.RESOLVED);

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
