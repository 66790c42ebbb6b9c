package io.loadrank.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LatestWinsTest {

    private static final Duration DEADLINE = Duration.ofSeconds(10);

    @Test
    void givenTheThreadBusyWithOneItem_whenThreeMoreArrive_thenOnlyTheNewestOfThemIsDone() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> done = new CopyOnWriteArrayList<>();
        try (LatestWins<Integer> worker = new LatestWins<>("test-writer", item -> {
            if (item == 1) {
                started.countDown();
                await(release);
            }
            done.add(item);
        })) {
            // given: item 1 is being worked on
            worker.submit(1);
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

            // when: 2, 3 and 4 arrive meanwhile
            worker.submit(2);
            worker.submit(3);
            worker.submit(4);
            release.countDown();

            // then: 1, then only 4; 2 and 3 were superseded, never done
            assertThat(worker.awaitIdle(DEADLINE)).isTrue();
            assertThat(done).containsExactly(1, 4);
            assertThat(worker.superseded()).isEqualTo(2);
            assertThat(worker.done()).isEqualTo(2);
        }
    }

    @Test
    void givenTheThreadBusy_whenItemsOfTwoKeysArrive_thenEachKeysNewestIsDoneInTheOrderTheKeysAsked() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> done = new CopyOnWriteArrayList<>();
        try (LatestWins<String> worker = new LatestWins<>("test-writer", item -> {
            if (item.equals("first")) {
                started.countDown();
                await(release);
            }
            done.add(item);
        })) {
            worker.submit("x", "first");
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

            worker.submit("cpu", "cpu 1");
            worker.submit("mem", "mem 1");
            worker.submit("cpu", "cpu 2");
            release.countDown();

            assertThat(worker.awaitIdle(DEADLINE)).isTrue();
            assertThat(done).containsExactly("first", "cpu 2", "mem 1");
            assertThat(worker.superseded()).isEqualTo(1);
        }
    }

    @Test
    void givenWorkThatFailsOnOneItem_whenTheNextArrives_thenItIsStillDone() throws Exception {
        List<String> done = new CopyOnWriteArrayList<>();
        try (LatestWins<String> worker = new LatestWins<>("test-writer", item -> {
            if (item.equals("bad")) {
                throw new IllegalStateException("a bug in the work");
            }
            done.add(item);
        })) {
            worker.submit("bad");
            assertThat(worker.awaitIdle(DEADLINE)).isTrue();
            worker.submit("good");
            assertThat(worker.awaitIdle(DEADLINE)).isTrue();

            assertThat(done).containsExactly("good");
            assertThat(worker.done()).isEqualTo(2);
        }
    }

    @Test
    void givenAnItemWaiting_whenClosed_thenItIsDoneFirst_andLaterItemsAreRefused() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> done = new CopyOnWriteArrayList<>();
        LatestWins<Integer> worker = new LatestWins<>("test-writer", item -> {
            await(release);
            done.add(item);
        });
        worker.submit(1);
        worker.submit(2);
        release.countDown();

        worker.close();

        assertThat(done).endsWith(2);
        assertThatThrownBy(() -> worker.submit(3)).isInstanceOf(IllegalStateException.class);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
