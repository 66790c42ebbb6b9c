package io.loadrank.slice;

/** A rankings-topic record that is not a slice part: not JSON, cut short, or without a field every part has. */
public final class SliceRecordException extends Exception {

    private static final long serialVersionUID = 1L;

    public SliceRecordException(String message) {
        super(message);
    }

    public SliceRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
