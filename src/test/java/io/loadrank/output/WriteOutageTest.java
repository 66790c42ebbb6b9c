package io.loadrank.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One report per outage of a directory, whichever writers and files fail. */
class WriteOutageTest {

    private final WriteOutage outage = new WriteOutage();

    @Test
    void givenEveryFileFailingEveryEmit_whenTheDirectoryComesBack_thenOneStartAndOneEndAreReported() {
        assertThat(outage.failed("GlobalRankings.txt"))
                .as("the first failure starts the outage")
                .isTrue();
        for (int emit = 0; emit < 15; emit++) {
            for (String file :
                    new String[] {"GlobalRankings.txt", "GlobalRankings.json", "cpuLoad.txt", "cpuLoad.json"}) {
                assertThat(outage.failed(file)).isFalse();
            }
        }

        assertThat(outage.succeeded("cpuLoad.txt"))
                .as("other files still to be written")
                .isEqualTo(-1);
        assertThat(outage.succeeded("cpuLoad.json")).isEqualTo(-1);
        assertThat(outage.succeeded("GlobalRankings.txt")).isEqualTo(-1);
        assertThat(outage.succeeded("GlobalRankings.json"))
                .as("the last failing file ends it")
                .isEqualTo(61);
        assertThat(outage.ongoing()).isFalse();

        assertThat(outage.succeeded("cpuLoad.txt"))
                .as("no outage, nothing to report")
                .isEqualTo(-1);
        assertThat(outage.failed("cpuLoad.txt")).as("a new outage").isTrue();
    }

    @Test
    void givenOneFileThatKeepsFailingWhileOthersSucceed_thenItIsOneOutageNotALinePerEmit() {
        assertThat(outage.failed("cpuLoad.json")).isTrue();
        for (int emit = 0; emit < 10; emit++) {
            assertThat(outage.succeeded("cpuLoad.txt")).isEqualTo(-1);
            assertThat(outage.failed("cpuLoad.json")).isFalse();
        }
        assertThat(outage.ongoing()).isTrue();
    }
}
