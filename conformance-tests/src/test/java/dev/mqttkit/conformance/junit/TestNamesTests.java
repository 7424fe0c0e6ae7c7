package dev.mqttkit.conformance.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TestNamesTests {

    @Test
    void theSameKeyGetsTheSameNamesInEveryRun() {
        TestNames first = TestNames.of("k1", "PublishTests#deliversQos1 [3.1.1]", TestNames.registry());
        TestNames second = TestNames.of("k1", "PublishTests#deliversQos1 [3.1.1]", TestNames.registry());

        assertThat(first.next("sub")).isEqualTo(second.next("sub"));
        assertThat(first.next("pub")).isEqualTo(second.next("pub")).isNotEqualTo(first.next("pub"));
    }

    @Test
    void keysWhoseTagsCollideStillGetDifferentNames() {
        Map<String, String> taken = TestNames.registry();
        Set<String> bases = new HashSet<>();
        for (int i = 0; i < 5000; i++) {
            bases.add(TestNames.of("k", "T#m" + i + " [3.1]", taken).next("c"));
        }
        assertThat(bases).hasSize(5000);
        assertThat(taken).hasSize(5000);
    }

    @Test
    void namesFitTheClientIdLimitOfMqtt31AndKeepOnlyLettersAndDigits() {
        TestNames names = TestNames.of("prefix12", "ConnectTests#x [3.1]", TestNames.registry());

        assertThat(names.next("a very-long label/with symbols")).hasSizeLessThanOrEqualTo(23).matches("[a-z0-9A-Z]+");
    }
}
