/**
 * QuickTheories generators for MQTT packets, topics and bytes, and the helpers that feed bytes to a decoder and judge
 * what comes out. Shared with the broker and suite tests through the codec test-jar (they declare
 * {@code org.quicktheories:quicktheories} themselves, as it is not passed on from a test-jar).
 *
 * <p>Every generator is built from QuickTheories' own shrinkable pieces (sizes, picks, lists), so a failing property
 * reports a small example and the seed: {@code Seed was 1397174174644}. Rerun exactly that case with
 * {@code mvn -pl codec test -Dtest=StreamingPropertyTests -DQT_SEED=1397174174644}.
 */
package dev.mqttkit.codec.gen;
