package io.loadrank.output;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;

/**
 * A compact JSON writer for the ranking documents, writing exactly the text Gson's
 * {@code JsonWriter} writes (no spaces, the same string escapes, HTML characters as they are), with
 * doubles in the text {@link Double#toString(double)} gives: the shortest decimal that reads back
 * as the same double ("full precision", docs/OUTPUT.md), made by jackson-core's Schubfach.
 *
 * <p>Why not Gson's writer: a global ranking of 100,000 hosts is about 3 million names and values
 * per emit, twice (the fleet file and the datacenter files). Gson's writer checks and
 * dispatches per token, writes names through a deferred name, and hands every piece to the
 * writer behind it one call at a time; this one appends into a {@link BlockWriter}'s 64 KiB block and
 * scans a string once for characters to escape (the host names never have any). docs/BENCHMARKS.md has the
 * figures; {@code JsonTextTest} holds it to Gson's text for every kind of token.
 *
 * <p>Not a validator: it trusts its caller (this package) to open and close what it writes.
 * Not thread-safe: one per document.
 */
final class JsonText implements Closeable {

    private static final int MAX_DEPTH = 62;
    private static final int DOUBLES_KEPT = 1024;
    /** Gson's escapes below 0x80 (null: written as it is). */
    private static final String[] ESCAPES = new String[128];

    static {
        for (int c = 0; c < 0x20; c++) {
            ESCAPES[c] = String.format("\\u%04x", c);
        }
        ESCAPES['"'] = "\\\"";
        ESCAPES['\\'] = "\\\\";
        ESCAPES['\t'] = "\\t";
        ESCAPES['\b'] = "\\b";
        ESCAPES['\n'] = "\\n";
        ESCAPES['\r'] = "\\r";
        ESCAPES['\f'] = "\\f";
    }

    private final BlockWriter out;
    /** Bit d set: the object or array at depth d has no element yet (no comma before the next). */
    private long empty;

    private int depth;
    /** A name was just written: the value follows its colon without a comma. */
    private boolean afterName;

    /**
     * The text of recent doubles, direct-mapped by their bits: averages of whole-number samples
     * repeat across hosts (many hosts average exactly 55.25), and the text of a double costs a
     * Schubfach run and a String; a miss costs a hash and a store.
     */
    private final long[] cachedBits = new long[DOUBLES_KEPT];

    private final String[] cachedDoubles = new String[DOUBLES_KEPT];

    /** Writes into {@code target}, which it never closes: whoever opened it closes it. */
    JsonText(Writer target) {
        this.out = new BlockWriter(target);
    }

    JsonText beginObject() throws IOException {
        return open('{');
    }

    JsonText endObject() throws IOException {
        return close('}');
    }

    JsonText beginArray() throws IOException {
        return open('[');
    }

    JsonText endArray() throws IOException {
        return close(']');
    }

    JsonText name(String name) throws IOException {
        beforeElement();
        string(name);
        put(':');
        afterName = true;
        return this;
    }

    /** A name written before: its quoted, escaped text and colon are copied, not made again. */
    JsonText name(Name name) throws IOException {
        beforeElement();
        raw(name.text);
        afterName = true;
        return this;
    }

    /**
     * A member name as it is written ({@code "rank":}), made once: the names of a host's entry are
     * written 25 times per host and emit, and copying them costs less than quoting and checking
     * them every time.
     */
    static final class Name {
        private final char[] text;

        private Name(char[] text) {
            this.text = text;
        }

        static Name of(String name) {
            return new Name((quoted(name) + ':').toCharArray());
        }
    }

    /** A string value; null writes {@code null}. */
    JsonText value(String value) throws IOException {
        if (value == null) {
            return nullValue();
        }
        beforeValue();
        string(value);
        return this;
    }

    JsonText value(long value) throws IOException {
        beforeValue();
        out.number(value);
        return this;
    }

    /**
     * A double in {@link Double#toString(double)}'s text.
     *
     * @throws IllegalArgumentException for NaN and infinities, which JSON cannot hold (as Gson does)
     */
    JsonText value(double value) throws IOException {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("Numeric values must be finite, but was " + value);
        }
        beforeValue();
        long bits = Double.doubleToRawLongBits(value);
        int slot = (int) ((bits ^ (bits >>> 29) ^ (bits >>> 47)) & (DOUBLES_KEPT - 1));
        String text = cachedDoubles[slot];
        if (text == null || cachedBits[slot] != bits) {
            text = NumberOutput.toString(value, true);
            cachedDoubles[slot] = text;
            cachedBits[slot] = bits;
        }
        raw(text);
        return this;
    }

    /** A number already written as JSON number text (e.g. by {@link io.loadrank.slice.Decimals}). */
    JsonText number(String text) throws IOException {
        beforeValue();
        raw(text);
        return this;
    }

    /**
     * An instant as {@link java.time.Instant#toString()} writes it ({@code "2026-11-22T10:15:02.250Z"}),
     * quoted; straight into the block, without a String per value ({@link IsoInstants}).
     */
    JsonText instant(long epochMillis) throws IOException {
        beforeValue();
        out.write('"');
        out.instant(epochMillis);
        out.write('"');
        return this;
    }

    JsonText value(boolean value) throws IOException {
        beforeValue();
        raw(value ? "true" : "false");
        return this;
    }

    JsonText nullValue() throws IOException {
        beforeValue();
        raw("null");
        return this;
    }

    /** Hands what is buffered to the target and flushes it; the target stays open. */
    @Override
    public void close() throws IOException {
        out.flush();
    }

    private JsonText open(char bracket) throws IOException {
        beforeValue();
        if (depth == MAX_DEPTH) {
            throw new IllegalStateException("JSON nested deeper than " + MAX_DEPTH);
        }
        put(bracket);
        depth++;
        empty |= 1L << depth;
        return this;
    }

    private JsonText close(char bracket) throws IOException {
        empty &= ~(1L << depth);
        depth--;
        put(bracket);
        return this;
    }

    private void beforeValue() throws IOException {
        if (afterName) {
            afterName = false;
        } else {
            beforeElement();
        }
    }

    private void beforeElement() throws IOException {
        long bit = 1L << depth;
        if ((empty & bit) != 0) {
            empty &= ~bit;
        } else if (depth > 0) {
            put(',');
        }
    }

    /**
     * A quoted string with Gson's escapes. The common case first: copy the whole string into the
     * block at once and check the copy for a character to escape (host names, datacenters and the
     * names of the documents never have one); only a string that has one goes through {@link #quoted}.
     */
    private void string(String text) throws IOException {
        int length = text.length();
        if (length + 2 <= BlockWriter.BLOCK) {
            int start = out.reserve(length + 2);
            char[] block = out.block();
            block[start] = '"';
            text.getChars(0, length, block, start + 1);
            int end = start + 1 + length;
            if (!needsEscape(block, start + 1, end)) {
                block[end] = '"';
                out.advanceTo(end + 1);
                return;
            }
        }
        escaped(text);
    }

    /**
     * Whether a character Gson escapes is among these: a control character, {@code "}, {@code \\},
     * U+2028 or U+2029 (the same set as {@link #ESCAPES} and {@link #quoted}). Compared rather than
     * looked up, without a branch per comparison: this loop sees every character of every string.
     */
    private static boolean needsEscape(char[] chars, int from, int to) {
        boolean found = false;
        for (int i = from; i < to; i++) {
            char c = chars[i];
            found |= (c < 0x20) | (c == '"') | (c == '\\') | ((c | 1) == '\u2029');
        }
        return found;
    }

    /** The rare string with a character to escape: made whole, then copied into the block. */
    private void escaped(String text) throws IOException {
        raw(quoted(text));
    }

    /** {@code text} in quotes, with Gson's escapes. */
    private static String quoted(String text) {
        int length = text.length();
        StringBuilder out = new StringBuilder(length + 8).append('"');
        int from = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            String escape;
            if (c < 128) {
                escape = ESCAPES[c];
                if (escape == null) {
                    continue;
                }
            } else if (c == '\u2028') {
                escape = "\\u2028";
            } else if (c == '\u2029') {
                escape = "\\u2029";
            } else {
                continue;
            }
            out.append(text, from, i).append(escape);
            from = i + 1;
        }
        return out.append(text, from, length).append('"').toString();
    }

    private void raw(char[] text) throws IOException {
        out.write(text, 0, text.length);
    }

    private void raw(String text) throws IOException {
        out.write(text, 0, text.length());
    }

    private void put(char c) throws IOException {
        out.write(c);
    }
}
