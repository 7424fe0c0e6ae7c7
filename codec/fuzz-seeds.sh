#!/usr/bin/env bash
# Regenerates the Jazzer seed corpus of DecoderFuzzTests from fixtures/vectors and fixtures/malformed.
# Run after the fixtures change, then commit codec/src/test/resources/dev/mqttkit/codec/DecoderFuzzTestsInputs.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -pl codec test-compile exec:java \
    -Dexec.mainClass=dev.mqttkit.codec.gen.FuzzSeeds \
    -Dexec.classpathScope=test \
    -Dexec.args="$PWD/fixtures $PWD/codec/src/test/resources/dev/mqttkit/codec/DecoderFuzzTestsInputs strictDecodingOfAnyBytes lenientDecodingOfAnyBytes"
