#!/usr/bin/env bash
# fuzz.sh — run roundtable's cargo-fuzz targets (fuzz/) for a bounded time each.
#
#   scripts/fuzz.sh                    every target for 30 s (what CI runs, from .ci/run)
#   scripts/fuzz.sh 600                every target for 10 minutes (locally, to look harder)
#   scripts/fuzz.sh 600 understand_read
#
# Targets: understand_read (understand::read and inspect_json on any bytes), config_parse
# (roundtable::config::parse on any text), commands_parse (the Subject command grammar).
# Seeds: tests/fixtures (every reading fixture) and fuzz/seeds/TARGET/; dictionaries of the
# tokens each input language uses in fuzz/dicts/. Before fuzzing, each
# target replays fuzz/regressions/TARGET/ (earlier findings, kept after their fix). The corpus
# grows in fuzz/corpus/TARGET/ (git-ignored), so local runs build on earlier ones.
#
# cargo-fuzz normally wants a nightly toolchain (for -Zsanitizer=address). This script uses
# the stable one with RUSTC_BOOTSTRAP=1, which lets stable rustc take those flags; set
# FUZZ_TOOLCHAIN=nightly to use a nightly toolchain instead. cargo-fuzz itself is installed
# with `cargo install cargo-fuzz --locked` if it is missing. Nothing is skipped: a target that
# cannot be built or run fails this script, and so does a finding. A finding leaves the input
# in fuzz/artifacts/TARGET/; reproduce it with
#   RUSTC_BOOTSTRAP=1 cargo fuzz run TARGET fuzz/artifacts/TARGET/crash-…   (in fuzz/)
# fix it, and keep the input: understand findings as tests/fixtures/fuzz/NAME.eml with a
# NAME.expect.json, the others in fuzz/regressions/TARGET/ (plus a unit test).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd -P)
SECONDS_EACH=${1:-30}
shift || true
TARGETS=("$@")
[[ ${#TARGETS[@]} -gt 0 ]] || TARGETS=(understand_read config_parse commands_parse)
[[ "$SECONDS_EACH" =~ ^[0-9]+$ ]] || { echo "fuzz.sh: SECONDS must be a whole number, not '$SECONDS_EACH'" >&2; exit 2; }

say() { echo "fuzz.sh: $*"; }
die() { echo "fuzz.sh: ERROR: $*" >&2; exit 1; }

if ! cargo fuzz --version >/dev/null 2>&1; then
    say "cargo-fuzz is missing: installing it (cargo install cargo-fuzz --locked)"
    cargo install cargo-fuzz --locked ||
        die "could not install cargo-fuzz; install it by hand: cargo install cargo-fuzz --locked"
fi
command -v c++ >/dev/null || die "libFuzzer is built from C++ source and needs a C++ compiler: apt-get install g++"

FUZZ=(cargo fuzz)
if [[ -n "${FUZZ_TOOLCHAIN:-}" ]]; then
    FUZZ=(cargo "+$FUZZ_TOOLCHAIN" fuzz)
else
    export RUSTC_BOOTSTRAP=1
fi

cd "$ROOT/fuzz"
say "building the fuzz targets (${FUZZ[*]} build; the first build takes several minutes)"
"${FUZZ[@]}" build ||
    die "the fuzz targets did not build. On stable Rust this needs RUSTC_BOOTSTRAP=1 (set here); with a nightly toolchain: FUZZ_TOOLCHAIN=nightly $0"

# libFuzzer options: a stuck input or a runaway allocation is a finding too.
LIMITS=(-timeout=10 -rss_limit_mb=2048 -max_len=65536)
failed=()
for t in "${TARGETS[@]}"; do
    [[ -f "fuzz_targets/$t.rs" ]] || die "no fuzz target $t (fuzz/fuzz_targets/$t.rs)"
    if [[ -d "regressions/$t" ]] && [[ -n "$(ls -A "regressions/$t")" ]]; then
        say "$t: replaying $(ls -A "regressions/$t" | wc -l) earlier finding(s) in fuzz/regressions/$t"
        # Files (not a directory) as arguments: libFuzzer runs each once and stops.
        if ! "${FUZZ[@]}" run "$t" "regressions/$t"/* -- "${LIMITS[@]}"; then
            failed+=("$t (a regression in fuzz/regressions/$t)")
            continue
        fi
    fi
    seeds=("seeds/$t")
    [[ $t == understand_read ]] && seeds=("$ROOT/tests/fixtures")
    dict=dicts/${t%%_*}.dict
    [[ -f $dict ]] || die "no dictionary $dict for $t"
    mkdir -p "corpus/$t"
    say "$t: fuzzing for ${SECONDS_EACH}s (corpus fuzz/corpus/$t, seeds ${seeds[*]#"$ROOT"/}, fuzz/$dict)"
    if ! "${FUZZ[@]}" run "$t" "corpus/$t" "${seeds[@]}" -- -max_total_time="$SECONDS_EACH" -dict="$dict" "${LIMITS[@]}" 2>"corpus/$t.log"; then
        grep -E "^(==[0-9]+==|SUMMARY|thread .* panicked|Test unit written|artifact_prefix)" "corpus/$t.log" | head -20 >&2 || true
        tail -n 30 "corpus/$t.log" >&2
        failed+=("$t (input in fuzz/artifacts/$t/)")
        continue
    fi
    say "$t: $(grep -E '^Done [0-9]+ runs' "corpus/$t.log" | tail -n1), no finding"
done

if ((${#failed[@]})); then
    die "findings: ${failed[*]}. Reproduce with: cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run TARGET INPUT"
fi
say "all targets ran ${SECONDS_EACH}s without a finding: ${TARGETS[*]}"
