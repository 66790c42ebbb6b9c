package io.loadrank.output;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.io.IOException;
import java.io.Writer;

/**
 * An unsynchronized buffer in front of another writer, handing it text in 64 KiB blocks: the one
 * output block of the ranking files, under the text ({@link RankingText}) and the JSON
 * ({@link JsonText}) writers alike.
 *
 * <p>Gson's {@code JsonWriter} writes many tiny pieces (a bracket, a colon, a name); straight into
 * a {@code BufferedWriter} or {@code StringWriter} each of them takes a lock and runs their
 * checks, which at 100,000 hosts per emit was a fifth of the JSON time in a profile. One writer
 * belongs to one thread, so no lock is needed here.
 */
final class BlockWriter extends Writer {

    /** The block's size in chars: what is written at once. */
    static final int BLOCK = 1 << 16;

    private final Writer target;
    private final char[] buffer = new char[BLOCK];
    private int used;
    private final IsoInstants instants = new IsoInstants();

    BlockWriter(Writer target) {
        this.target = target;
    }

    @Override
    public void write(int c) throws IOException {
        if (used == BLOCK) {
            drain();
        }
        buffer[used++] = (char) c;
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        if (length > BLOCK - used) {
            drain();
            if (length >= BLOCK) {
                target.write(chars, offset, length);
                return;
            }
        }
        System.arraycopy(chars, offset, buffer, used, length);
        used += length;
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        if (length > BLOCK - used) {
            drain();
            if (length >= BLOCK) {
                target.write(text, offset, length);
                return;
            }
        }
        text.getChars(offset, offset + length, buffer, used);
        used += length;
    }

    /** Writes a whole number in decimal straight into the block (ranking text: one or two per host). */
    void number(long value) throws IOException {
        if (BLOCK - used < 20) {
            drain();
        }
        used = NumberOutput.outputLong(value, buffer, used);
    }

    /**
     * Writes an instant as {@link java.time.Instant#toString()} does, straight into the block: a
     * backlog can make tens of thousands of hosts stale, each listed with its time, and one
     * {@code Instant.toString()} each was a sixth of the global file thread in a profile.
     */
    void instant(long epochMillis) throws IOException {
        if (BLOCK - used < IsoInstants.MAX_LENGTH) {
            drain();
        }
        used = instants.write(epochMillis, buffer, used);
    }

    /**
     * Makes room for {@code chars} contiguous chars (at most {@link #BLOCK}) and returns where they go
     * in {@link #block()}: for a writer that builds its text in place (and may then decide not to
     * keep it); {@link #advanceTo} keeps what it wrote.
     */
    int reserve(int chars) throws IOException {
        if (BLOCK - used < chars) {
            drain();
        }
        return used;
    }

    /** The block that {@link #reserve} makes room in. */
    char[] block() {
        return buffer;
    }

    /** Keeps what was written into {@link #block()} up to {@code end} (exclusive). */
    void advanceTo(int end) {
        used = end;
    }

    @Override
    public void flush() throws IOException {
        drain();
        target.flush();
    }

    /** Flushes, and leaves the target open: whoever opened it closes it. */
    @Override
    public void close() throws IOException {
        flush();
    }

    private void drain() throws IOException {
        if (used > 0) {
            target.write(buffer, 0, used);
            used = 0;
        }
    }
}
