package io.loadrank.balancer.demo;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The few {@code --name value} options of the demo's mains (scripts/steer-demo.sh checks what users
 * type; this only refuses what the script would never pass: exit code 2 with one line).
 */
final class DemoArgs {

    private final Map<String, String> values = new HashMap<>();

    DemoArgs(String[] args, Set<String> allowed, Map<String, String> defaults) {
        values.putAll(defaults);
        for (int i = 0; i < args.length; i++) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : null;
            if (name == null || !allowed.contains(name) || i + 1 >= args.length) {
                fail(args[i] + " is not allowed: the options are --" + String.join(" VALUE, --", allowed) + " VALUE");
            }
            values.put(name, args[++i]);
        }
        for (String name : allowed) {
            if (!values.containsKey(name)) {
                fail("--" + name + " is missing");
            }
        }
    }

    String text(String name) {
        return values.get(name);
    }

    int number(String name, int min, int max) {
        try {
            int value = Integer.parseInt(values.get(name));
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // below
        }
        fail("--" + name + "=" + values.get(name) + " is not allowed: a whole number from " + min + " to " + max);
        return 0;
    }

    /** A comma-separated list of host:port. */
    List<InetSocketAddress> addresses(String name) {
        List<InetSocketAddress> addresses = new ArrayList<>();
        for (String each : values.get(name).split(",")) {
            int colon = each.lastIndexOf(':');
            if (colon <= 0) {
                fail("--" + name + "=" + values.get(name) + " is not allowed: host:port[,host:port...]");
            }
            addresses.add(new InetSocketAddress(each.substring(0, colon), Integer.parseInt(each.substring(colon + 1))));
        }
        return addresses;
    }

    static void fail(String message) {
        System.err.println("error: " + message);
        System.exit(2);
    }
}
