package io.loadrank.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pure parts of following a topic without a group; the loop runs against a real broker in the users' ITs. */
class GroupFreeFollowerTest {

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            # given the user's properties, when the follower's are made, then what following depends on is forced
            # and the rest is kept (null: the property is absent)
            group.id                | some-group            | <none>
            enable.auto.commit      | true                  | false
            key.deserializer        | org.example.Bytes     | org.apache.kafka.common.serialization.StringDeserializer
            value.deserializer      | org.example.Bytes     | org.apache.kafka.common.serialization.StringDeserializer
            security.protocol       | SASL_SSL              | SASL_SSL
            bootstrap.servers       | 127.0.0.1:9092        | 127.0.0.1:9092
            """)
    void givenAPropertyOfTheUser_whenTheConsumerPropertiesAreMade_thenWhatFollowingNeedsWins(
            String key, String given, String expected) {
        Properties user = new Properties();
        user.setProperty(key, given);

        Properties consumer = GroupFreeFollower.consumerProperties(user);

        assertThat(consumer.getProperty(key, "<none>")).isEqualTo(expected);
        assertThat(user.getProperty(key))
                .as("the user's properties are left alone")
                .isEqualTo(given);
    }

    @ParameterizedTest(name = "{0} partitions")
    @CsvSource(delimiter = '|', textBlock = """
            1 | [0]
            3 | [0, 1, 2]
            0 | []
            """)
    void givenATopicOfSomePartitions_whenAllAreChosen_thenEveryOneIsFollowed(int count, String expected) {
        assertThat(GroupFreeFollower.PartitionChoice.all().of(count)).hasToString(expected);
    }
}
