package io.loadrank.output;

import java.io.IOException;
import java.io.Writer;

/**
 * A small streaming JSON writer for the ranking files: compact output, strings escaped as RFC 8259
 * requires, numbers as {@link Double#toString(double)} and {@link Long#toString(long)} write them
 * (the same text Gson's {@code JsonWriter} writes), non-finite numbers refused.
 *
 * <p>Why not Gson's {@code JsonWriter}: at 100,000 hosts its per-token bookkeeping, its
 * character-by-character escaping and the {@code Instant} formatting behind it took most of an
 * emit in a profile (docs/BENCHMARKS.md). This writer buffers into a {@link StringBuilder}, copies
 * strings that need no escaping (host names never do: the wire format admits only letters, digits
 * and {@code .-_:}) in one call, and hands the buffer to the underlying writer in large pieces.
 * Reading JSON stays with Gson.
 *
 * <p>It checks only what cheap bookkeeping allows (a value after a name, commas); the caller's
 * structure is otherwise trusted, as its only callers are the fixed layouts of {@link RankingJson}.
 */
final class CompactJsonWriter {

    private static final int FLUSH_AT = 1 << 16;
    private static final int MAX_DEPTH = 32;

    private final Writer out;
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 1024);
    private final IsoInstants instants = new IsoInstants();
    /** Per open object or array: whether it already holds an element (so the next needs a comma). */
    private final boolean[] hasElement = new boolean[MAX_DEPTH];
    private int depth;
    private boolean afterName;

    CompactJsonWriter(Writer out) {
        this.out = out;
    }

    CompactJsonWriter beginObject() throws IOException {
        return open('{');
    }

    CompactJsonWriter endObject() {
        return close('}');
    }

    CompactJsonWriter beginArray() throws IOException {
        return open('[');
    }

    CompactJsonWriter endArray() {
        return close(']');
    }

    CompactJsonWriter name(String name) {
        if (afterName) {
            throw new IllegalStateException("a name after a name: " + name);
        }
        comma();
        appendString(name);
        buffer.append(':');
        afterName = true;
        return this;
    }

    CompactJsonWriter value(String value) throws IOException {
        beforeValue();
        if (value == null) {
            buffer.append("null");
        } else {
            appendString(value);
        }
        return afterValue();
    }

    CompactJsonWriter value(long value) throws IOException {
        beforeValue();
        buffer.append(value);
        return afterValue();
    }

    CompactJsonWriter value(double value) throws IOException {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("JSON numbers must be finite, got " + value);
        }
        beforeValue();
        buffer.append(value);
        return afterValue();
    }

    CompactJsonWriter value(boolean value) throws IOException {
        beforeValue();
        buffer.append(value);
        return afterValue();
    }

    /** An instant as an ISO-8601 string, the text of {@code Instant.toString()}. */
    CompactJsonWriter instant(long epochMillis) throws IOException {
        beforeValue();
        buffer.append('"');
        instants.append(buffer, epochMillis);
        buffer.append('"');
        return afterValue();
    }

    /** Hands everything written so far to the underlying writer (and flushes it). */
    void flush() throws IOException {
        if (depth != 0) {
            throw new IllegalStateException(depth + " objects or arrays still open");
        }
        out.write(buffer.toString());
        buffer.setLength(0);
        out.flush();
    }

    private CompactJsonWriter open(char bracket) throws IOException {
        if (depth == MAX_DEPTH) {
            throw new IllegalStateException("nested deeper than " + MAX_DEPTH);
        }
        beforeValue();
        buffer.append(bracket);
        hasElement[depth++] = false;
        afterName = false;
        return this;
    }

    private CompactJsonWriter close(char bracket) {
        if (depth == 0 || afterName) {
            throw new IllegalStateException("'" + bracket + "' without an open object or array, or after a name");
        }
        buffer.append(bracket);
        depth--;
        if (depth > 0) {
            hasElement[depth - 1] = true;
        }
        return this;
    }

    private void beforeValue() {
        if (!afterName) {
            comma();
        }
    }

    private CompactJsonWriter afterValue() throws IOException {
        afterName = false;
        if (depth > 0) {
            hasElement[depth - 1] = true;
        }
        if (buffer.length() >= FLUSH_AT) {
            out.write(buffer.toString());
            buffer.setLength(0);
        }
        return this;
    }

    private void comma() {
        if (depth > 0 && hasElement[depth - 1]) {
            buffer.append(',');
        }
    }

    private void appendString(String text) {
        buffer.append('"');
        int length = text.length();
        int from = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            String escaped = escape(c);
            if (escaped != null) {
                buffer.append(text, from, i).append(escaped);
                from = i + 1;
            }
        }
        buffer.append(text, from, length).append('"');
    }

    /** The escape of {@code c}, or null if it is written as it is. */
    private static String escape(char c) {
        if (c >= 0x20 && c != '"' && c != '\\' && c != '\u2028' && c != '\u2029') {
            return null;
        }
        return switch (c) {
            case '"' -> "\\\"";
            case '\\' -> "\\\\";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            case '\b' -> "\\b";
            case '\f' -> "\\f";
            // JavaScript line terminators, escaped as Gson does so the JSON is also valid JavaScript
            default -> String.format("\\u%04x", (int) c);
        };
    }
}
