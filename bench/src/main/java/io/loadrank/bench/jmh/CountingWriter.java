package io.loadrank.bench.jmh;

import java.io.Writer;

/**
 * A writer that discards what it is given and counts the characters, so that a benchmark of an
 * output format measures the formatting, not a disk, and the JIT cannot drop the work (the count
 * is returned to JMH).
 */
final class CountingWriter extends Writer {

    private long chars;

    long chars() {
        return chars;
    }

    @Override
    public void write(int c) {
        chars++;
    }

    @Override
    public void write(char[] buffer, int offset, int length) {
        chars += length;
    }

    @Override
    public void write(String text, int offset, int length) {
        chars += length;
    }

    @Override
    public Writer append(CharSequence text) {
        chars += String.valueOf(text).length();
        return this;
    }

    @Override
    public Writer append(CharSequence text, int start, int end) {
        chars += end - start;
        return this;
    }

    @Override
    public Writer append(char c) {
        chars++;
        return this;
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
}
