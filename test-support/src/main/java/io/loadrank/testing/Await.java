package io.loadrank.testing;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waiting for a condition with a deadline, instead of sleeping for a guessed time. The condition is
 * polled often at first and less often later; an exception thrown by a poll counts as "not yet" and
 * becomes the cause of the failure if the deadline passes.
 */
public final class Await {

    private static final long FIRST_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final long MAX_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private Await() {}

    /** Waits until {@code condition} holds; fails after {@code timeout} with a message naming {@code what}. */
    public static void until(Duration timeout, String what, BooleanSupplier condition) {
        value(timeout, what, () -> condition.getAsBoolean() ? Optional.of(Boolean.TRUE) : Optional.empty());
    }

    /**
     * Waits until {@code probe} yields a value and returns it; fails after {@code timeout} with a message
     * naming {@code what}.
     */
    public static <T> T value(Duration timeout, String what, Supplier<Optional<T>> probe) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long interval = FIRST_INTERVAL_NANOS;
        RuntimeException lastFailure = null;
        while (true) {
            try {
                Optional<T> result = probe.get();
                if (result.isPresent()) {
                    return result.get();
                }
            } catch (RuntimeException e) {
                lastFailure = e;
            }
            long now = System.nanoTime();
            if (now - deadline >= 0) {
                String message = "timed out after " + timeout + " waiting for " + what
                        + (lastFailure == null ? "" : " (last attempt failed: " + lastFailure + ")");
                throw new AssertionError(message, lastFailure);
            }
            LockSupport.parkNanos(Math.min(interval, deadline - now));
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what);
            }
            interval = Math.min(interval * 2, MAX_INTERVAL_NANOS);
        }
    }
}
