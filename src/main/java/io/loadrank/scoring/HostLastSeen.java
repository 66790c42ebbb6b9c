package io.loadrank.scoring;

import io.loadrank.hostinfo.HostInfo;
import java.io.Serializable;

/**
 * A stale host: one that has stopped reporting (docs/RANKING.md), when it was last seen, and what
 * the host-info topic says about it (null when nothing). The ranking files list it under
 * {@code stale}; read back, that entry is {@link io.loadrank.rankingfile.StaleHost}.
 */
public record HostLastSeen(String host, long lastSeenMillis, HostInfo info) implements Serializable {

    /** A stale host without host info. */
    public HostLastSeen(String host, long lastSeenMillis) {
        this(host, lastSeenMillis, null);
    }
}
