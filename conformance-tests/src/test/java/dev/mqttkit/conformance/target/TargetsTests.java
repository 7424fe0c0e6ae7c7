package dev.mqttkit.conformance.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The embedded broker and Testcontainers are optional dependencies of the suite: a target whose library is missing
 * fails with what to add. (That the message reaches the user is shown by examples/broker-ci, whose class path has
 * neither.)
 */
class TargetsTests {

    @Test
    void saysWhatToAddWhenATargetsLibraryIsMissing() {
        assertThatThrownBy(() -> Targets.require("dev.mqttkit.NoSuchBroker", "add the broker"))
                .isInstanceOf(IllegalStateException.class).hasMessage("add the broker");
    }

    @Test
    void findsTheLibrariesOnTheKitsOwnClassPath() {
        assertThatCode(() -> Targets.require(Targets.REFERENCE_BROKER_CLASS, "missing")).doesNotThrowAnyException();
        assertThatCode(() -> Targets.require(Targets.TESTCONTAINERS_CLASS, "missing")).doesNotThrowAnyException();
        assertThat(Targets.REFERENCE_BROKER_CLASS).isEqualTo(dev.mqttkit.broker.ReferenceBroker.class.getName());
        assertThat(Targets.TESTCONTAINERS_CLASS)
                .isEqualTo(org.testcontainers.containers.GenericContainer.class.getName());
    }
}
