package io.loadrank.webview.record;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import io.loadrank.alerts.AlertRecord;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads the records of the alerts topic (the rankings topic's are {@link SliceFeed}'s). An alert
 * without id or state, or a record that is not JSON, is counted and skipped. Names are kept as they
 * are, whatever characters they hold: the page shows them as text.
 */
public final class RecordParser {

    private final Gson gson = new Gson();
    private final AtomicLong badAlerts = new AtomicLong();

    public Optional<AlertRecord> alert(String json) {
        AlertRecord record;
        try {
            record = json == null ? null : gson.fromJson(json, AlertRecord.class);
        } catch (JsonParseException | IllegalStateException | NumberFormatException e) {
            record = null;
        }
        if (record == null || !record.isComplete()) {
            badAlerts.incrementAndGet();
            return Optional.empty();
        }
        return Optional.of(record);
    }

    public long badAlerts() {
        return badAlerts.get();
    }
}
