package io.loadrank.alerts;

/**
 * One record of the alerts topic, and one entry of {@code Alerts.json}: an alert firing or resolved
 * (docs/ALERTS.md). The one definition of its fields, written by the topology ({@code AlertJson}) and
 * read by the web view; the JSON names are the component names, and each time is also written as
 * ISO-8601 text beside its milliseconds ({@code firstSeen}, {@code lastSeen}, {@code at}).
 *
 * @param threshold null for a rule without one (a change of the top host)
 */
public record AlertRecord(
        String id,
        String state,
        String rule,
        String when,
        String subject,
        String host,
        String datacenter,
        String topic,
        Double threshold,
        Double value,
        Integer occurrences,
        Boolean holding,
        Long firstSeenMillis,
        Long lastSeenMillis,
        Long atMillis,
        String message) {

    public static final String FIRING = "firing";
    public static final String RESOLVED = "resolved";

    public boolean firing() {
        return FIRING.equals(state);
    }

    /** Whether the record can be applied: it has an id and is firing or resolved. */
    public boolean isComplete() {
        return id != null && !id.isEmpty() && (FIRING.equals(state) || RESOLVED.equals(state));
    }
}
