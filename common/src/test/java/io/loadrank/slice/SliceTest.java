package io.loadrank.slice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SliceTest {

    @Test
    void givenOneClusterInPlay_whenNamingFiles_thenTheDatacenterNameIsTheName() {
        assertThat(new Slice("prod", "eu-west").fileName(false)).isEqualTo("eu-west");
        assertThat(new Slice(null, "north").fileName(false)).isEqualTo("north");
    }

    @Test
    void givenSeveralClusters_whenNamingFiles_thenClusterAndDatacenterAreBothInTheName() {
        assertThat(new Slice("c1", "north").fileName(true)).isEqualTo("c1~north");
        assertThat(new Slice(null, "north").fileName(true)).isEqualTo("~north");
    }

    @Test
    void givenClusterNamesThatLookLikePaths_whenNamingFiles_thenEveryNameIsOneFileInTheDirectory() {
        List<String> clusters = List.of("/", "..", "../etc", "a/b", "a b", ".", "~", "a~b", "%2F", "é", "a.b", "a_b");
        Path dir = Path.of("/out");
        Set<String> names = new HashSet<>();
        for (String cluster : clusters) {
            String name = "GlobalRankings-" + new Slice(cluster, "dc.1").fileName(true) + ".json";
            assertThat(dir.resolve(name).normalize().getParent()).as(cluster).isEqualTo(dir);
            assertThat(name).as(cluster).matches("[A-Za-z0-9%~._#-]+").doesNotContain("/");
            names.add(name);
        }
        assertThat(names).as("no two clusters share a file name").hasSameSizeAs(clusters);
    }

    @Test
    void givenDotsInBothNames_whenNamingFiles_thenTheyDoNotCollide() {
        assertThat(new Slice("a.b", "c").fileName(true)).isNotEqualTo(new Slice("a", "b.c").fileName(true));
    }

    @Test
    void givenAVeryLongClusterName_whenNamingFiles_thenTheNameStaysShortAndDistinct() {
        String longName = "é".repeat(128);
        String otherLong = "é".repeat(127) + "e";
        String name = new Slice(longName, "dc1").fileName(true);
        assertThat(name.length()).isLessThanOrEqualTo(Slice.MAX_ENCODED_CLUSTER + 1 + 3);
        assertThat(name).startsWith("#").endsWith("~dc1");
        assertThat(new Slice(otherLong, "dc1").fileName(true)).isNotEqualTo(name);
    }
}
