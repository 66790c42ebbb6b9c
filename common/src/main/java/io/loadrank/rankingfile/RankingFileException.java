package io.loadrank.rankingfile;

import java.io.IOException;

/**
 * A ranking file that is not a whole ranking: cut short, not JSON, or without a field every
 * ranking has. An {@link IOException}, so that a reader that already copes with a file it cannot
 * read copes with this one too.
 */
public final class RankingFileException extends IOException {

    private static final long serialVersionUID = 1L;

    public RankingFileException(String message) {
        super(message);
    }

    public RankingFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
