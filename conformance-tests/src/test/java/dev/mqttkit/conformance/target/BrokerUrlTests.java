package dev.mqttkit.conformance.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BrokerUrlTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "tcp://127.0.0.1:1884, false, 127.0.0.1, 1884",
        "tcp://broker.example,  false, broker.example, 1883",
        "mqtt://broker.example, false, broker.example, 1883",
        "MQTT://h:1,            false, h, 1",
        "ssl://h,               true, h, 8883",
        "tls://h:8884,          true, h, 8884",
        "mqtts://h,             true, h, 8883",
        "tcp://[::1]:1883/,     false, [::1], 1883"})
    void acceptsTcpAndTlsSchemesAndTheirAliasesWithDefaultPorts(String url, boolean tls, String host, int port) {
        assertThat(BrokerUrl.parse(url)).isEqualTo(new BrokerUrl(host, port, tls, null));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "localhost:1883       | has no scheme",
        "127.0.0.1            | has no scheme",
        "http://h:80          | unknown scheme 'http'",
        "tcp://:1883          | names no host",
        "tcp://h:port         | names no host",
        "tcp://h:1883/topic   | has a path",
        "tcp://h:99999        | port must be 1..65535"})
    void refusesWhatItCannotConnectToSayingWhatIsAccepted(String url, String why) {
        assertThatThrownBy(() -> BrokerUrl.parse(url)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(why);
    }
}
