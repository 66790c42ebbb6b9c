package io.loadrank.scoring;

import io.loadrank.hostinfo.HostInfo;
import java.io.Serializable;

/**
 * A host that has stopped reporting (docs/RANKING.md), when it was last seen, and what the
 * host-info topic says about it (null when nothing).
 */
public record StaleHost(String host, long lastSeenMillis, HostInfo info) implements Serializable {

    /** A stale host without host info. */
    public StaleHost(String host, long lastSeenMillis) {
        this(host, lastSeenMillis, null);
    }
}
