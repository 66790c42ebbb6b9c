package io.loadrank.webview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadrank.config.ConfigException;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WebViewSettingsTest {

    static Stream<Arguments> bad() {
        return Stream.of(
                Arguments.of(
                        new String[] {"--port", "99999"}, "port = '99999'; allowed: a whole number from 0 to 65535"),
                Arguments.of(new String[] {"--colour", "red"}, "colour = 'red'; allowed: one of the options"),
                Arguments.of(new String[] {"--port"}, "port = (missing); allowed: a value"),
                Arguments.of(new String[] {"8088"}, "argument = '8088'"),
                Arguments.of(new String[] {"--rankings-topic=a/b"}, "rankings-topic = 'a/b'"),
                Arguments.of(new String[] {"--history-minutes", "0"}, "history-minutes = '0'"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("bad")
    void givenABadOption_whenRead_thenItFailsNamingTheOptionTheValueAndWhatIsAllowed(String[] args, String message) {
        assertThatThrownBy(() -> {
                    Map<String, Object> conf = WebViewSettings.parseArgs(args);
                    WebViewSettings.ALL.forEach(setting -> setting.read(conf));
                })
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(message);
    }

    @Test
    void givenNoOptions_whenRead_thenTheDefaultsBindLoopbackOnPort8088() {
        Map<String, Object> conf = WebViewSettings.parseArgs(new String[0]);

        assertThat(WebViewSettings.BIND.read(conf)).isEqualTo("127.0.0.1");
        assertThat(WebViewSettings.PORT.read(conf)).isEqualTo(8088);
        assertThat(WebViewSettings.ALERTS_TOPIC.read(conf)).isEqualTo("loadAlerts");
    }

    @Test
    void givenBothForms_whenParsed_thenEachIsRead() {
        Map<String, Object> conf = WebViewSettings.parseArgs(new String[] {"--port=9000", "--alerts-topic", ""});

        assertThat(WebViewSettings.PORT.read(conf)).isEqualTo(9000);
        assertThat(WebViewSettings.ALERTS_TOPIC.read(conf)).as("empty: off").isNull();
    }
}
