#!/usr/bin/env bash
# Real, coverage-guided fuzzing of the decoder with Jazzer: each @FuzzTest of DecoderFuzzTests in turn, for its
# maxDuration (60 s), so about two minutes in all (FUZZ_TESTS="name ..." picks fewer). Exits non-zero if any fuzz test
# finds a crash. Jazzer writes the reproducer next to the seeds, as
# codec/src/test/resources/dev/mqttkit/codec/DecoderFuzzTestsInputs/<test>/crash-<sha> (git-ignored): fix the codec,
# then rename it regression-<what-it-is> and commit it, so every later build replays it.
# Prints, per fuzz test, libFuzzer's final statistics line (total executions, exec/s); full logs and the fuzz runs'
# own Surefire reports in codec/target/fuzz/ (codec/target/surefire-reports keeps the main build's reports).
set -uo pipefail
cd "$(dirname "$0")/.."
read -r -a tests <<<"${FUZZ_TESTS:-strictDecodingOfAnyBytes lenientDecodingOfAnyBytes}"
out=codec/target/fuzz
surefire=codec/target/surefire-reports
mkdir -p "$out/reports"
status=0
for t in "${tests[@]}"; do
    log="$out/$t.log"
    echo "fuzzing DecoderFuzzTests#$t ..."
    start=$(date +%s)
    # jazzer.hooks: the codec pom turns Jazzer's hooks off for the fast regression run; fuzzing wants them.
    # Surefire has no property for its reports folder: the suffix keeps the fuzz run's files from replacing the main
    # build's DecoderFuzzTests reports, and they are moved to the fuzz folder right after.
    JAZZER_FUZZ=1 mvn -B -pl codec test -Dtest="DecoderFuzzTests#$t" -Djazzer.hooks=true \
        -Dsurefire.reportNameSuffix="fuzz-$t" >"$log" 2>&1
    rc=$?
    for f in "$surefire"/*"-fuzz-$t".xml "$surefire"/*"-fuzz-$t".txt "$surefire"/*"-fuzz-$t-output".txt; do
        [ -e "$f" ] && mv "$f" "$out/reports/"
    done
    end=$(date +%s)
    stats=$(grep -a -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -1)
    [ -n "$stats" ] || stats=$(grep -a -E '^#[0-9]+[[:space:]]' "$log" | tail -1)
    echo "  $((end - start)) s wall, exit $rc: ${stats:-no libFuzzer statistics found}"
    if [ $rc -ne 0 ]; then
        status=1
        grep -a -E 'FuzzTestFinding|Caused by|Test unit written' "$log" | head -20
        echo "  full log: $log"
    fi
done
exit $status
