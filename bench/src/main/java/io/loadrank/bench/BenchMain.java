package io.loadrank.bench;

import java.util.concurrent.Callable;

/**
 * The common end of every bench tool's main: exit status 0 on success, 2 for a bad command line,
 * 1 for a failed measurement, always with one line on stderr that says what went wrong.
 */
final class BenchMain {

    private BenchMain() {
    }

    static void run(String tool, Callable<Integer> body) {
        int status;
        try {
            status = body.call();
        } catch (IllegalArgumentException e) {
            System.err.println(tool + ": error: " + e.getMessage());
            status = 2;
        } catch (Failure e) {
            System.err.println(tool + ": failed: " + e.getMessage());
            status = 1;
        } catch (Exception e) {
            System.err.println(tool + ": failed: " + e);
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    /** A measurement that did not succeed, with a message that says why; no stack trace needed. */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message);
        }
    }
}
