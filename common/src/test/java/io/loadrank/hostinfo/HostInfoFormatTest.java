package io.loadrank.hostinfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class HostInfoFormatTest {

    private static final String FULL = "{\"host\":\"cass-eu-1\",\"datacenter\":\"eu-west\",\"rack\":\"rack1\","
            + "\"hostId\":\"6a0e1c2e-5b7d-4c1a-9f3e-2d4b6a8c0e1f\",\"cluster\":\"prod\",\"address\":\"10.1.2.3\"}";

    @Test
    void givenTheRecordOfTheDocs_whenParsed_thenEveryFieldIsRead() {
        HostInfoResult result = HostInfoFormat.parse("cass-eu-1", FULL);

        assertThat(result)
                .isEqualTo(new HostInfoResult.Valid(new HostInfo(
                        "cass-eu-1", "eu-west", "rack1", "6a0e1c2e-5b7d-4c1a-9f3e-2d4b6a8c0e1f", "prod", "10.1.2.3")));
    }

    @Test
    void givenAHostInfo_whenEncodedAndParsed_thenItIsTheSame() {
        HostInfo info = new HostInfo(
                "cass-eu-1", "eu-west", "rack1", "6A0E1C2E-5B7D-4C1A-9F3E-2D4B6A8C0E1F", "Test Cluster", "2001:db8::1");

        String encoded = HostInfoFormat.encode(info);

        assertThat(HostInfoFormat.parse("cass-eu-1", encoded)).isEqualTo(new HostInfoResult.Valid(info));
        assertThat(info.hostId())
                .as("host ids are kept in lower case")
                .isEqualTo("6a0e1c2e-5b7d-4c1a-9f3e-2d4b6a8c0e1f");
        assertThat(HostInfoFormat.encode(HostInfo.of("h", "dc1"))).isEqualTo("{\"host\":\"h\",\"datacenter\":\"dc1\"}");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "only the required fields          | {\"host\":\"h\",\"datacenter\":\"dc1\"}",
                "optional fields null              | {\"host\":\"h\",\"datacenter\":\"dc1\",\"rack\":null,\"hostId\":null,\"cluster\":null,\"address\":null}",
                "unknown fields are skipped        | {\"host\":\"h\",\"datacenter\":\"dc1\",\"zone\":{\"a\":[1,2]},\"tokens\":3}",
                "white space around the object     | ` {\"host\":\"h\" , \"datacenter\":\"dc1\"}\n`",
                "64-character datacenter           | {\"host\":\"h\",\"datacenter\":\"dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd\"}",
                "IPv4 address                      | {\"host\":\"h\",\"datacenter\":\"dc1\",\"address\":\"192.168.0.255\"}",
                "IPv6 address                      | {\"host\":\"h\",\"datacenter\":\"dc1\",\"address\":\"fe80::1:2\"}",
                "IPv6 with IPv4 at the end         | {\"host\":\"h\",\"datacenter\":\"dc1\",\"address\":\"::ffff:10.1.2.3\"}",
                "full IPv6                         | {\"host\":\"h\",\"datacenter\":\"dc1\",\"address\":\"2001:db8:0:0:0:0:2:1\"}",
                "host name address                 | {\"host\":\"h\",\"datacenter\":\"dc1\",\"address\":\"cass-1.eu.example.org\"}",
                "cluster with a space              | {\"host\":\"h\",\"datacenter\":\"dc1\",\"cluster\":\"Test Cluster (eu)\"}",
                "IPv6 host name                    | {\"host\":\"2001:db8::7\",\"datacenter\":\"dc1\"}",
            })
    void givenAValidRecord_whenParsed_thenItIsValid(String what, String value) {
        String key = value.contains("2001:db8::7") ? "2001:db8::7" : "h";

        HostInfoResult result = HostInfoFormat.parse(key, value);

        assertThat(result).as(what).isInstanceOf(HostInfoResult.Valid.class);
    }

    static Stream<Arguments> malformedRecords() {
        String dc = ",\"datacenter\":\"dc1\"";
        return Stream.of(
                Arguments.of("h", "", HostInfoMalformedReason.BAD_JSON),
                Arguments.of("h", "not json", HostInfoMalformedReason.BAD_JSON),
                Arguments.of("h", "[\"h\",\"dc1\"]", HostInfoMalformedReason.BAD_JSON),
                Arguments.of("h", "{\"host\":\"h\"" + dc, HostInfoMalformedReason.BAD_JSON),
                Arguments.of("h", "{\"host\":\"h\"" + dc + "}{}", HostInfoMalformedReason.BAD_JSON),
                Arguments.of("h", "{host:\"h\"" + dc + "}", HostInfoMalformedReason.BAD_JSON),
                Arguments.of("h", "{'host':'h'" + dc + "}", HostInfoMalformedReason.BAD_JSON),
                Arguments.of("h", "{\"host\":\"h\",\"host\":\"h\"" + dc + "}", HostInfoMalformedReason.BAD_JSON),
                Arguments.of("h", "{\"host\":\"h\",\"datacenter\":7}", HostInfoMalformedReason.BAD_JSON),
                Arguments.of("h", "{\"host\":\"h\",\"datacenter\":[\"dc1\"]}", HostInfoMalformedReason.BAD_JSON),
                Arguments.of("h", "{\"host\":\"h\"" + dc + ",\"rack\":true}", HostInfoMalformedReason.BAD_JSON),
                Arguments.of(
                        "h",
                        "{\"host\":\"h\"" + dc + ",\"x\":\"" + "y".repeat(HostInfoFormat.MAX_RECORD_CHARS) + "\"}",
                        HostInfoMalformedReason.OVERSIZED),
                Arguments.of("h", "{\"datacenter\":\"dc1\"}", HostInfoMalformedReason.MISSING_HOST),
                Arguments.of("h", "{\"host\":null" + dc + "}", HostInfoMalformedReason.MISSING_HOST),
                Arguments.of("../x", "{\"host\":\"../x\"" + dc + "}", HostInfoMalformedReason.BAD_HOST),
                Arguments.of("a/b", "{\"host\":\"a/b\"" + dc + "}", HostInfoMalformedReason.BAD_HOST),
                Arguments.of("h", "{\"host\":\"\"" + dc + "}", HostInfoMalformedReason.BAD_HOST),
                Arguments.of("h", "{\"host\":\"<b>h</b>\"" + dc + "}", HostInfoMalformedReason.BAD_HOST),
                Arguments.of("h", "{\"host\":\"h\\n\"" + dc + "}", HostInfoMalformedReason.BAD_HOST),
                Arguments.of("other", "{\"host\":\"h\"" + dc + "}", HostInfoMalformedReason.KEY_MISMATCH),
                Arguments.of("h", "{\"host\":\"h\"}", HostInfoMalformedReason.MISSING_DATACENTER),
                Arguments.of("h", "{\"host\":\"h\",\"datacenter\":null}", HostInfoMalformedReason.MISSING_DATACENTER),
                Arguments.of("h", "{\"host\":\"h\",\"datacenter\":\"\"}", HostInfoMalformedReason.BAD_DATACENTER),
                Arguments.of("h", "{\"host\":\"h\",\"datacenter\":\"../x\"}", HostInfoMalformedReason.BAD_DATACENTER),
                Arguments.of("h", "{\"host\":\"h\",\"datacenter\":\"a/b\"}", HostInfoMalformedReason.BAD_DATACENTER),
                Arguments.of("h", "{\"host\":\"h\",\"datacenter\":\"a\\\\b\"}", HostInfoMalformedReason.BAD_DATACENTER),
                Arguments.of(
                        "h", "{\"host\":\"h\",\"datacenter\":\"eu west\"}", HostInfoMalformedReason.BAD_DATACENTER),
                Arguments.of(
                        "h",
                        "{\"host\":\"h\",\"datacenter\":\"<script>x</script>\"}",
                        HostInfoMalformedReason.BAD_DATACENTER),
                Arguments.of(
                        "h", "{\"host\":\"h\",\"datacenter\":\"dc1\\u0000\"}", HostInfoMalformedReason.BAD_DATACENTER),
                Arguments.of(
                        "h",
                        "{\"host\":\"h\",\"datacenter\":\"dc1\\r\\nSTALE: {x}\"}",
                        HostInfoMalformedReason.BAD_DATACENTER),
                Arguments.of(
                        "h",
                        "{\"host\":\"h\",\"datacenter\":\"" + "d".repeat(65) + "\"}",
                        HostInfoMalformedReason.BAD_DATACENTER),
                Arguments.of(
                        "h", "{\"host\":\"h\",\"datacenter\":\"d\u00e9\"}", HostInfoMalformedReason.BAD_DATACENTER),
                Arguments.of("h", "{\"host\":\"h\"" + dc + ",\"rack\":\"\"}", HostInfoMalformedReason.BAD_RACK),
                Arguments.of("h", "{\"host\":\"h\"" + dc + ",\"rack\":\"../x\"}", HostInfoMalformedReason.BAD_RACK),
                Arguments.of("h", "{\"host\":\"h\"" + dc + ",\"rack\":\"a/b\"}", HostInfoMalformedReason.BAD_RACK),
                Arguments.of("h", "{\"host\":\"h\"" + dc + ",\"rack\":\"r\\t1\"}", HostInfoMalformedReason.BAD_RACK),
                Arguments.of(
                        "h",
                        "{\"host\":\"h\"" + dc + ",\"hostId\":\"not-a-uuid\"}",
                        HostInfoMalformedReason.BAD_HOST_ID),
                Arguments.of(
                        "h",
                        "{\"host\":\"h\"" + dc + ",\"hostId\":\"6a0e1c2e5b7d4c1a9f3e2d4b6a8c0e1f\"}",
                        HostInfoMalformedReason.BAD_HOST_ID),
                Arguments.of(
                        "h",
                        "{\"host\":\"h\"" + dc + ",\"hostId\":\"6a0e1c2e-5b7d-4c1a-9f3e-2d4b6a8c0e1g\"}",
                        HostInfoMalformedReason.BAD_HOST_ID),
                Arguments.of("h", "{\"host\":\"h\"" + dc + ",\"cluster\":\"\"}", HostInfoMalformedReason.BAD_CLUSTER),
                Arguments.of(
                        "h",
                        "{\"host\":\"h\"" + dc + ",\"cluster\":\"<img src=x>\"}",
                        HostInfoMalformedReason.BAD_CLUSTER),
                Arguments.of(
                        "h",
                        "{\"host\":\"h\"" + dc + ",\"cluster\":\"a\\u001bb\"}",
                        HostInfoMalformedReason.BAD_CLUSTER),
                Arguments.of("h", "{\"host\":\"h\"" + dc + ",\"address\":\"\"}", HostInfoMalformedReason.BAD_ADDRESS),
                Arguments.of(
                        "h",
                        "{\"host\":\"h\"" + dc + ",\"address\":\"256.1.2.3\"}",
                        HostInfoMalformedReason.BAD_ADDRESS),
                Arguments.of(
                        "h", "{\"host\":\"h\"" + dc + ",\"address\":\"10.1.2\"}", HostInfoMalformedReason.BAD_ADDRESS),
                Arguments.of(
                        "h", "{\"host\":\"h\"" + dc + ",\"address\":\"1::2::3\"}", HostInfoMalformedReason.BAD_ADDRESS),
                Arguments.of(
                        "h", "{\"host\":\"h\"" + dc + ",\"address\":\"[::1]\"}", HostInfoMalformedReason.BAD_ADDRESS),
                Arguments.of(
                        "h",
                        "{\"host\":\"h\"" + dc + ",\"address\":\"a_b.example\"}",
                        HostInfoMalformedReason.BAD_ADDRESS),
                Arguments.of(
                        "h", "{\"host\":\"h\"" + dc + ",\"address\":\"../x\"}", HostInfoMalformedReason.BAD_ADDRESS),
                Arguments.of(
                        "h",
                        "{\"host\":\"h\"" + dc + ",\"address\":\"http://x/\"}",
                        HostInfoMalformedReason.BAD_ADDRESS));
    }

    @ParameterizedTest(name = "[{index}] key {0}, value {1} -> {2}")
    @MethodSource("malformedRecords")
    void givenAMalformedRecord_whenParsed_thenItIsRejectedWithItsReason(
            String key, String value, HostInfoMalformedReason reason) {
        HostInfoResult result = HostInfoFormat.parse(key, value);

        assertThat(result).isInstanceOf(HostInfoResult.Malformed.class);
        HostInfoResult.Malformed malformed = (HostInfoResult.Malformed) result;
        assertThat(malformed.reason()).isEqualTo(reason);
        assertThat(malformed.detail()).as("the detail is one printable line").matches("[\\x20-\\x7e]*");
    }

    @Test
    void givenTheMalformedExamples_thenEveryReasonHasOne() {
        Set<HostInfoMalformedReason> covered = EnumSet.noneOf(HostInfoMalformedReason.class);
        malformedRecords()
                .forEach(arguments ->
                        covered.add((HostInfoMalformedReason) arguments.get()[2]));

        assertThat(covered).containsExactlyInAnyOrder(HostInfoMalformedReason.values());
    }

    @Test
    void givenATombstoneKeyedByAHost_whenParsed_thenTheHostIsDeleted() {
        assertThat(HostInfoFormat.parse("cass-eu-1", null)).isEqualTo(new HostInfoResult.Deleted("cass-eu-1"));
    }

    @Test
    void givenATombstoneUnderAKeyThatIsNoHost_likeTheTopicCreationProbe_whenParsed_thenItIsIgnoredNotMalformed() {
        assertThat(HostInfoFormat.parse(io.loadrank.kafka.TopicCreator.PROBE_KEY, null))
                .isInstanceOf(HostInfoResult.Ignored.class);
        assertThat(HostInfoFormat.parse(null, null)).isInstanceOf(HostInfoResult.Ignored.class);
        assertThat(HostInfoFormat.parse("a/b", null)).isInstanceOf(HostInfoResult.Ignored.class);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "eu-west | true",
                "rack_1.a | true",
                "A | true",
                "`..` | true",
                "`../x` | false",
                "a/b | false",
                "`a\\b` | false",
                "`` | false",
                "`eu west` | false",
                "`dc:1` | false",
                "`<b>` | false",
            })
    void givenADatacenterName_whenChecked_thenOnlyLettersDigitsDotDashUnderscoreAreSafe(String name, boolean valid) {
        assertThat(HostInfoFormat.isValidLocationName(name)).isEqualTo(valid);
    }

    @Test
    void givenAnInvalidField_whenAHostInfoIsMade_thenItIsRefusedWithTheReason() {
        assertThatThrownBy(() -> HostInfo.of("h", "../x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("badDatacenter");
        assertThatThrownBy(() -> new HostInfo("h", "dc1", "a/b", null, null, null))
                .hasMessageContaining("badRack");
        assertThatThrownBy(() -> HostInfo.of("h\u0007", "dc1"))
                .hasMessageContaining("badHost")
                .hasMessageContaining("\\u0007");
    }
}
