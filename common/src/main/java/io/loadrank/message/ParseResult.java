package io.loadrank.message;

import java.util.Objects;

/**
 * The outcome of parsing one message: either a {@link Sample} or the reason it is malformed.
 * Parsing never throws for bad input, because a bad message must be counted and skipped,
 * never be fatal.
 */
public sealed interface ParseResult {

    /** A well-formed message. */
    record Valid(Sample sample) implements ParseResult {
        public Valid {
            Objects.requireNonNull(sample, "sample");
        }
    }

    /** A malformed message, with the reason and a short human-readable detail for the log. */
    record Malformed(MalformedReason reason, String detail) implements ParseResult {
        public Malformed {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
