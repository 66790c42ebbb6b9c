package io.loadrank.output;

import io.loadrank.alert.AlertEvent;
import io.loadrank.alerts.AlertRecord;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * The alerts as JSON (docs/ALERTS.md): {@code Alerts.json}, the active alerts, and one record per
 * event on the alerts topic, each an {@link AlertRecord}. Times twice, as ISO-8601 text and epoch milliseconds.
 */
public final class AlertJson {

    private AlertJson() {}

    /** {@code Alerts.json}: the time of the evaluation and every firing alert. */
    public static void writeActive(long atMillis, List<AlertEvent> active, Writer out) {
        try {
            JsonText json = new JsonText(out);
            json.beginObject();
            json.name("at").instant(atMillis).name("atMillis").value(atMillis);
            json.name("active").beginArray();
            for (AlertEvent alert : active) {
                writeEvent(json, alert);
            }
            json.endArray();
            json.endObject();
            json.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One event (firing or resolved) as the record of the alerts topic. */
    public static String event(AlertEvent event) {
        StringWriter out = new StringWriter(512);
        try {
            JsonText json = new JsonText(out);
            writeEvent(json, event);
            json.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The event as the record of the alerts topic (the fields a reader gets back). */
    public static AlertRecord record(AlertEvent event) {
        return new AlertRecord(
                event.id(),
                event.state().label(),
                event.rule(),
                event.kind().label(),
                event.subject(),
                event.host(),
                event.datacenter(),
                event.topic(),
                Double.isNaN(event.threshold()) ? null : event.threshold(),
                event.value(),
                event.occurrences(),
                event.holding(),
                event.firstSeenMillis(),
                event.lastSeenMillis(),
                event.atMillis(),
                event.message());
    }

    private static void writeEvent(JsonText json, AlertEvent event) throws IOException {
        AlertRecord record = record(event);
        json.beginObject()
                .name("id")
                .value(record.id())
                .name("state")
                .value(record.state())
                .name("rule")
                .value(record.rule())
                .name("when")
                .value(record.when())
                .name("subject")
                .value(record.subject())
                .name("host")
                .value(record.host())
                .name("datacenter")
                .value(record.datacenter())
                .name("topic")
                .value(record.topic());
        if (record.threshold() == null) {
            json.name("threshold").nullValue();
        } else {
            json.name("threshold").value(record.threshold());
        }
        json.name("value").value(record.value());
        json.name("occurrences")
                .value(record.occurrences())
                .name("holding")
                .value(record.holding())
                .name("firstSeen")
                .instant(record.firstSeenMillis())
                .name("firstSeenMillis")
                .value(record.firstSeenMillis())
                .name("lastSeen")
                .instant(record.lastSeenMillis())
                .name("lastSeenMillis")
                .value(record.lastSeenMillis())
                .name("at")
                .instant(record.atMillis())
                .name("atMillis")
                .value(record.atMillis())
                .name("message")
                .value(record.message())
                .endObject();
    }
}
