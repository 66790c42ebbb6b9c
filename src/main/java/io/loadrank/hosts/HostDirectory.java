package io.loadrank.hosts;

import io.loadrank.hostinfo.HostInfo;
import io.loadrank.hostinfo.HostInfoFormat;
import io.loadrank.hostinfo.HostInfoMalformedReason;
import io.loadrank.hostinfo.HostInfoResult;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The latest host info of every host, as the host-info topic says (docs/DATACENTERS.md): each
 * record is parsed once, when it arrives; the latest valid record of a host wins, a tombstone
 * deletes it (a tombstone under a key that is no host name is ignored), a malformed record is
 * counted by reason and changes nothing.
 */
public final class HostDirectory {

    private final String topic;
    private final HashMap<String, HostInfo> byHost = new HashMap<>();
    private final Map<String, HostInfo> readOnly = Collections.unmodifiableMap(byHost);
    private final EnumMap<HostInfoMalformedReason, Long> malformed = new EnumMap<>(HostInfoMalformedReason.class);
    private long accepted;
    private long deleted;

    /** @param topic the host-info topic, for the counts */
    public HostDirectory(String topic) {
        this.topic = topic;
    }

    /**
     * Takes one record of the host-info topic.
     *
     * @return what it was, so the caller can log a malformed one
     */
    public HostInfoResult accept(String key, String value) {
        HostInfoResult result = HostInfoFormat.parse(key, value);
        if (result instanceof HostInfoResult.Valid valid) {
            // the same String as the windows' (SlidingWindowAverages): the scorer's lookups end at ==
            byHost.put(valid.info().host().intern(), valid.info());
            accepted++;
        } else if (result instanceof HostInfoResult.Deleted gone) {
            byHost.remove(gone.host());
            deleted++;
        } else if (result instanceof HostInfoResult.Malformed bad) {
            malformed.merge(bad.reason(), 1L, Long::sum);
        }
        return result;
    }

    /** The latest info per host name: a read-only view that changes with {@link #accept}. */
    public Map<String, HostInfo> hosts() {
        return readOnly;
    }

    /** The counts so far (a copy). */
    public HostInfoStats stats() {
        return new HostInfoStats(topic, accepted, deleted, byHost.size(), new EnumMap<>(malformed));
    }
}
