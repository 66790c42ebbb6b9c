package io.loadrank.webview.alerts;

import io.loadrank.alerts.AlertRecord;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The alerts as the events of the alerts topic leave them: a firing event makes its alert active
 * (a later firing of the same id replaces it), a resolved event ends it. The last resolved ones are
 * kept too, newest first, so an operator sees what just ended. Not thread-safe.
 */
public final class ActiveAlerts {

    /** More active alerts than this are not kept: the oldest goes (a bound on memory, not a real fleet's number). */
    public static final int MAX_ACTIVE = 10_000;

    private final int keepResolved;
    private final LinkedHashMap<String, AlertRecord> active = new LinkedHashMap<>();
    private final Deque<AlertRecord> resolved = new ArrayDeque<>();

    public ActiveAlerts(int keepResolved) {
        this.keepResolved = keepResolved;
    }

    public void apply(AlertRecord event) {
        if (event.firing()) {
            active.remove(event.id());
            active.put(event.id(), event);
            if (active.size() > MAX_ACTIVE) {
                String oldest = active.keySet().iterator().next();
                active.remove(oldest);
            }
            return;
        }
        active.remove(event.id());
        resolved.addFirst(event);
        while (resolved.size() > keepResolved) {
            resolved.removeLast();
        }
    }

    /** The active alerts, the one that fired first first. */
    public List<AlertRecord> active() {
        return new ArrayList<>(active.values());
    }

    /** The last resolved alerts, newest first. */
    public List<AlertRecord> recentlyResolved() {
        return new ArrayList<>(resolved);
    }

    /** The active alerts by id. */
    public Map<String, AlertRecord> byId() {
        return java.util.Collections.unmodifiableMap(active);
    }
}
