package io.loadrank.scoring;

import java.io.Serializable;

/** A host that has stopped reporting (docs/RANKING.md), and when it was last seen. */
public record StaleHost(String host, long lastSeenMillis) implements Serializable {
}
