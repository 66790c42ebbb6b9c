package io.loadrank.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void givenSeveralPortsAsked_whenChosen_thenTheyAreDistinctAndBindableOn127001() throws IOException {
        int[] ports = FreePorts.several(3);

        assertThat(Arrays.stream(ports).distinct().count()).isEqualTo(3);
        for (int port : ports) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                assertThat(socket.getLocalPort()).isEqualTo(port);
            }
        }
    }

    @Test
    void givenNoPortsAsked_whenChosen_thenItFailsNamingTheCount() {
        assertThatThrownBy(() -> FreePorts.several(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("count=0");
    }
}
