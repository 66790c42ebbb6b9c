package io.loadrank.producer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DropOldestBufferTest {

    @Test
    void when_full_drops_the_oldest_and_counts_it() throws InterruptedException {
        // given
        DropOldestBuffer<Integer> buffer = new DropOldestBuffer<>(3);

        // when
        boolean[] dropped = new boolean[5];
        for (int i = 0; i < 5; i++) {
            dropped[i] = buffer.add(i);
        }

        // then
        assertThat(dropped).containsExactly(false, false, false, true, true);
        assertThat(buffer.dropped()).isEqualTo(2);
        assertThat(buffer.take(0, TimeUnit.MILLISECONDS)).isEqualTo(2);
        assertThat(buffer.take(0, TimeUnit.MILLISECONDS)).isEqualTo(3);
        assertThat(buffer.take(0, TimeUnit.MILLISECONDS)).isEqualTo(4);
        assertThat(buffer.take(0, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void a_put_back_element_is_next_unless_the_buffer_filled_meanwhile() throws InterruptedException {
        // given
        DropOldestBuffer<String> buffer = new DropOldestBuffer<>(2);
        buffer.add("a");
        buffer.add("b");
        String first = buffer.take(0, TimeUnit.MILLISECONDS);

        // when
        buffer.putBack(first);
        buffer.putBack("c"); // full now: counted as dropped

        // then
        assertThat(buffer.take(0, TimeUnit.MILLISECONDS)).isEqualTo("a");
        assertThat(buffer.dropped()).isEqualTo(1);
    }

    @Test
    void take_waits_for_an_element() throws Exception {
        DropOldestBuffer<String> buffer = new DropOldestBuffer<>(2);
        Thread producer = new Thread(() -> buffer.add("late"));
        producer.start();
        assertThat(buffer.take(10, TimeUnit.SECONDS)).isEqualTo("late");
        producer.join();
    }
}
