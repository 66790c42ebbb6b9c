package io.loadrank.balancer.ranking;

/** A rankings record that cannot be read; the message says what is wrong with it. */
public final class MalformedRankingException extends Exception {

    private static final long serialVersionUID = 1L;

    public MalformedRankingException(String message) {
        super(message);
    }

    public MalformedRankingException(String message, Throwable cause) {
        super(message, cause);
    }
}
