package io.loadrank.window;

/** What a sliding window did with one sample (docs/WINDOWS.md). */
public enum SampleOutcome {
    /** Counted in the window. */
    ACCEPTED,
    /** The window already holds a sample of this host at this sample time: counted once. */
    DUPLICATE,
    /** Older than the window: ignored. */
    LATE,
    /** Further in the future than the tolerance allows: ignored. */
    EARLY
}
