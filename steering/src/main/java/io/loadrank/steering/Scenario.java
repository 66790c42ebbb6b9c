package io.loadrank.steering;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What happens to the cluster during a scenario's measured phase. */
enum Scenario {
    S0("nothing hot", false),
    S1("the hot node's CPU limit cut", true),
    S2(
            "another client, unseen by the application's driver, floods the hot node with writes of rows that it alone stores",
            false),
    S3("a compaction backlog on the hot node: major compactions of a filler table, one after another", false),
    S5("the CPU limit cut moves to the next node every rotation period", true);

    final String description;
    final boolean needsCgroups;

    Scenario(String description, boolean needsCgroups) {
        this.description = description;
        this.needsCgroups = needsCgroups;
    }

    static Scenario byName(String name) {
        return Arrays.stream(values())
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--scenarios: '" + name + "' is not allowed: one of "
                        + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "))));
    }
}
