package io.loadrank.webview.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SkipLogTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final List<String> lines = new ArrayList<>();
    private final SkipLog log = new SkipLog("topic rankings", now::get, lines::add);

    @Test
    void givenManyBadRecords_whenSkipped_thenTheFirstIsLoggedAtOnceAndTheRestAtMostOnceAMinuteWithTheirCount() {
        log.skipped("first");
        for (int i = 0; i < 1_000; i++) {
            now.addAndGet(50);
            log.skipped("bad " + i);
        }
        now.addAndGet(SkipLog.INTERVAL_MILLIS);
        log.skipped("last");

        assertThat(lines)
                .containsExactly(
                        "skipped a record of topic rankings (first)",
                        "skipped 1001 records of topic rankings in the last minute or so (the newest: last)");
    }
}
