package io.loadrank.hostinfo;

import java.util.Objects;

/**
 * The outcome of parsing one host-info record. Parsing never throws for bad input: a bad record
 * is counted and skipped, never fatal.
 */
public sealed interface HostInfoResult {

    /** A valid record: the host's latest information. */
    record Valid(HostInfo info) implements HostInfoResult {
        public Valid {
            Objects.requireNonNull(info, "info");
        }
    }

    /**
     * A tombstone (a record with a host name as key and no value): the host's information is
     * deleted, as log compaction will delete it from the topic.
     */
    record Deleted(String host) implements HostInfoResult {
        public Deleted {
            Objects.requireNonNull(host, "host");
        }
    }

    /**
     * A tombstone under a key no host can have, such as the probe that topic creation writes into
     * a new compacted topic: there is nothing to delete, and nothing is wrong.
     */
    record Ignored(String why) implements HostInfoResult {
        public Ignored {
            Objects.requireNonNull(why, "why");
        }
    }

    /** A malformed record, with the reason and a short detail for the log (control characters escaped). */
    record Malformed(HostInfoMalformedReason reason, String detail) implements HostInfoResult {
        public Malformed {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
