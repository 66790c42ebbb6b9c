package io.loadrank.output;

import io.loadrank.alert.AlertEvent;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * The alerts as JSON (docs/ALERTS.md): {@code Alerts.json}, the active alerts, and one record per
 * event on the alerts topic. Times twice, as ISO-8601 text and epoch milliseconds.
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

    private static void writeEvent(JsonText json, AlertEvent event) throws IOException {
        json.beginObject()
                .name("id")
                .value(event.id())
                .name("state")
                .value(event.state().label())
                .name("rule")
                .value(event.rule())
                .name("when")
                .value(event.kind().label())
                .name("subject")
                .value(event.subject())
                .name("host")
                .value(event.host())
                .name("datacenter")
                .value(event.datacenter())
                .name("topic")
                .value(event.topic());
        if (Double.isNaN(event.threshold())) {
            json.name("threshold").nullValue();
        } else {
            json.name("threshold").value(event.threshold());
        }
        json.name("value").value(event.value());
        json.name("occurrences")
                .value(event.occurrences())
                .name("holding")
                .value(event.holding())
                .name("firstSeen")
                .instant(event.firstSeenMillis())
                .name("firstSeenMillis")
                .value(event.firstSeenMillis())
                .name("lastSeen")
                .instant(event.lastSeenMillis())
                .name("lastSeenMillis")
                .value(event.lastSeenMillis())
                .name("at")
                .instant(event.atMillis())
                .name("atMillis")
                .value(event.atMillis())
                .name("message")
                .value(event.message())
                .endObject();
    }
}
