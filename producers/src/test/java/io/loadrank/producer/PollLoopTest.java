package io.loadrank.producer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.rmi.ConnectIOException;
import org.junit.jupiter.api.Test;

class PollLoopTest {

    @Test
    void finds_refused_credentials_whether_plain_or_wrapped_as_cassandra_does() {
        SecurityException refused = new SecurityException("Authentication failed! Invalid username or password");
        assertThat(PollLoop.securityCause(refused)).isSameAs(refused);
        assertThat(PollLoop.securityCause(new RuntimeException(refused))).isSameAs(refused);
        assertThat(PollLoop.securityCause(new IllegalStateException("other"))).isNull();
    }

    @Test
    void describes_a_failure_by_its_root_cause() {
        IOException wrapped = new ConnectIOException(
                "Exception creating connection to: 127.0.0.1", new ConnectException("Connection refused"));
        assertThat(PollLoop.describe(wrapped))
                .isEqualTo("ConnectIOException caused by java.net.ConnectException: Connection refused");
        assertThat(PollLoop.describe(new IOException("plain"))).isEqualTo("java.io.IOException: plain");
    }
}
