package io.loadrank.webview.view;

import java.util.Locale;

/**
 * What the page asks for: the hosts whose name contains {@code search} (case-insensitive; empty:
 * all), at most {@code top} per datacenter.
 */
public record Query(String search, int top) {

    public static final int MAX_TOP = 500;
    public static final int MAX_SEARCH = 100;

    public Query {
        search = search == null ? "" : search.strip();
        if (search.length() > MAX_SEARCH) {
            search = search.substring(0, MAX_SEARCH);
        }
        top = Math.max(1, Math.min(MAX_TOP, top));
    }

    /** From the request's parameters as text; anything unreadable takes the default. */
    public static Query of(String search, String top, int defaultTop) {
        int rows = defaultTop;
        if (top != null && top.matches("\\d{1,6}")) {
            rows = Integer.parseInt(top);
        }
        return new Query(search, rows);
    }

    boolean matches(String host) {
        return search.isEmpty() || host.toLowerCase(Locale.ROOT).contains(search.toLowerCase(Locale.ROOT));
    }
}
