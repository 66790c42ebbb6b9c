package io.loadrank.rankingfile;

import java.util.List;

/**
 * A record of the rankings topic (the form of GlobalRankings.json), as read by
 * {@link RankingFileReader#record}: the ranking with the host entries that can be used, and why
 * each other entry was left out. A consumer that must not act on part of a ranking refuses a record
 * with any refused entry; one that shows what it can keeps the rest.
 *
 * @param ranking the ranking; its {@code hosts} and {@code stale} hold only the usable entries
 * @param refused why each left-out entry was refused, naming it ({@code hosts[2] has no host}), in
 *                record order
 */
public record RankingRecord(GlobalRankingFile ranking, List<String> refused) {

    public RankingRecord {
        refused = List.copyOf(refused);
    }
}
