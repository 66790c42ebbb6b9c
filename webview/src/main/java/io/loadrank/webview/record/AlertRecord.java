package io.loadrank.webview.record;

/** One record of the alerts topic: an alert firing or resolved (docs/ALERTS.md). */
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

    public boolean firing() {
        return "firing".equals(state);
    }
}
