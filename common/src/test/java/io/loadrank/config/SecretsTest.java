package io.loadrank.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "sasl.jaas.config",
                "SASL.JAAS.CONFIG",
                "ssl.keystore.password",
                "ssl.key.password",
                "ssl.truststore.password",
                "ssl.keystore.key",
                "ssl.keystore.location",
                "basic.auth.user.info.secret",
                "sasl.oauthbearer.token.endpoint.url",
                "kafka.credentials",
                "jmx.password.file"
            })
    void givenAKeyNamingASecret_whenAsked_thenItIsSecret(String key) {
        assertThat(Secrets.isSecret(key)).isTrue();
        assertThat(Secrets.shown(key, "hunter2")).isEqualTo("(hidden)");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "bootstrap.servers",
                "security.protocol",
                "sasl.mechanism",
                "ssl.truststore.location",
                "ssl.truststore.type",
                "key.serializer",
                "key.deserializer",
                "config.providers"
            })
    void givenAnOrdinaryKey_whenAsked_thenItIsShown(String key) {
        assertThat(Secrets.isSecret(key)).isFalse();
        assertThat(Secrets.shown(key, "SASL_SSL")).isEqualTo("SASL_SSL");
    }

    @Test
    void givenNoKey_whenAsked_thenItIsNotSecret() {
        assertThat(Secrets.isSecret(null)).isFalse();
    }

    @Test
    void givenClientProperties_whenDescribed_thenSecretsAreHiddenAndTheRestShownSorted() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("sasl.jaas.config", "ScramLoginModule required username=\"producer\" password=\"hunter2\";");
        config.put("security.protocol", "SASL_SSL");
        config.put("ssl.truststore.password", "changeit");

        String line = Secrets.describe(config);

        assertThat(line)
                .isEqualTo("{sasl.jaas.config=(hidden), security.protocol=SASL_SSL, ssl.truststore.password=(hidden)}")
                .doesNotContain("hunter2", "changeit");
    }

    @Test
    void givenClientProperties_whenRedacted_thenTheCopyHidesSecretsAndTheOriginalIsUnchanged() {
        Map<String, String> config = new LinkedHashMap<>(Map.of("ssl.key.password", "k", "acks", "all"));

        Map<String, String> shown = Secrets.redacted(config);

        assertThat(shown).containsExactly(Map.entry("acks", "all"), Map.entry("ssl.key.password", "(hidden)"));
        assertThat(config).containsEntry("ssl.key.password", "k");
    }
}
