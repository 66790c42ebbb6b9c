package io.loadrank.steering;

import java.util.ArrayList;
import java.util.List;

/**
 * The order the policies' load generators send in, turned by one every round, so that over a phase
 * each policy sends first, second, ... equally often: whoever sends later in a round starts its
 * requests a little later than due, and a fixed order would charge that to the same policies every
 * time. Pure.
 */
final class SendOrder {

    private SendOrder() {}

    /** {@code items} starting at index {@code round mod size}, wrapping around. */
    static <T> List<T> rotated(List<T> items, int round) {
        int size = items.size();
        if (size == 0) {
            return items;
        }
        int first = Math.floorMod(round, size);
        List<T> order = new ArrayList<>(size);
        order.addAll(items.subList(first, size));
        order.addAll(items.subList(0, first));
        return order;
    }
}
