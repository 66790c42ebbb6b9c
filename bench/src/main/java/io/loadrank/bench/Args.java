package io.loadrank.bench;

import java.util.HashMap;
import java.util.Map;

/**
 * The command line of a bench tool: {@code --name value} pairs only (the tools are driven by
 * scripts/bench.sh, not typed by hand). A missing or bad value fails naming the option.
 */
final class Args {

    private final Map<String, String> values;

    private Args(Map<String, String> values) {
        this.values = values;
    }

    static Args parse(String... args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!name.startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got '" + name + "'"
                        + (i + 1 >= args.length ? " without a value" : ""));
            }
            values.put(name.substring(2), args[++i]);
        }
        return new Args(values);
    }

    String get(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing option --" + name);
        }
        return value;
    }

    String get(String name, String defaultValue) {
        return values.getOrDefault(name, defaultValue);
    }

    long getLong(String name) {
        return toLong(name, get(name));
    }

    long getLong(String name, long defaultValue) {
        String value = values.get(name);
        return value == null ? defaultValue : toLong(name, value);
    }

    private static long toLong(String name, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + "=" + value + " is not allowed: a whole number", e);
        }
    }
}
