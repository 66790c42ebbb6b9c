package io.loadrank.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * The refusal of a configuration key that no setting defines: a typo must stop the start, naming the
 * key, where it came from and the known key it most likely meant, instead of being ignored while
 * the setting it meant keeps its default.
 */
public final class KnownKeys {

    private KnownKeys() {}

    /**
     * Refuses {@code key} unless it is one of {@code known}.
     *
     * @param where where the key came from, e.g. "in topology.yaml" or "from --set"
     * @throws ConfigException naming the key, where it came from and the nearest known key
     */
    public static void check(String key, Collection<String> known, String where) {
        if (known.contains(key)) {
            return;
        }
        String hint = nearest(key, known)
                .map(candidate -> "did you mean " + candidate + "?")
                .orElse("no key is like it");
        throw ConfigException.usage("unknown key '" + key + "' " + where + "; " + hint);
    }

    /** The known key nearest to {@code key} (fewest edits), if it is near enough to be a typo of it. */
    public static Optional<String> nearest(String key, Collection<String> known) {
        String lower = key.toLowerCase(Locale.ROOT);
        // an entry of a map-valued key (loadrank.topics.cpuLoad): the map's key is meant
        Optional<String> map = known.stream()
                .filter(candidate -> lower.startsWith(candidate.toLowerCase(Locale.ROOT) + "."))
                .max(Comparator.comparingInt(String::length));
        if (map.isPresent()) {
            return map;
        }
        return known.stream()
                .min(Comparator.comparingInt((String candidate) -> distance(lower, candidate.toLowerCase(Locale.ROOT)))
                        .thenComparing(Comparator.naturalOrder()))
                .filter(candidate ->
                        distance(lower, candidate.toLowerCase(Locale.ROOT)) <= Math.max(2, candidate.length() / 3));
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
