#!/usr/bin/env bash
# test.sh — the project's test command. As root on a fresh Debian 12 machine:
#
#   ./scripts/test.sh                 # everything
#   ./scripts/test.sh some_test_name  # extra arguments go to `cargo test --workspace`
#
# Installs what the real test stack needs (scripts/stack.sh install), brings up a throwaway
# Postfix + Dovecot + PostgreSQL on free loopback ports in a temporary directory, runs the
# tests against it with the RT_* variables from its env file, and always tears the stack
# down again: on success, on failure, on Ctrl-C and on SIGTERM. Exits with cargo's status.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd -P)
cd "$ROOT"
STACK=$ROOT/scripts/stack.sh

say() { echo "test.sh: $*"; }

STACK_DIR=
CARGO_PID=

# Stop cargo's whole process group (it runs the test binaries, which run daemons).
stop_cargo() {
    [[ -n "$CARGO_PID" ]] || return 0
    if kill -0 "$CARGO_PID" 2>/dev/null; then
        say "stopping cargo test (process group $CARGO_PID)"
        kill -INT -- "-$CARGO_PID" 2>/dev/null || true
        for _ in $(seq 1 100); do # bounded: 10 s, then SIGKILL
            kill -0 "$CARGO_PID" 2>/dev/null || break
            sleep 0.1
        done
        kill -KILL -- "-$CARGO_PID" 2>/dev/null || true
        wait "$CARGO_PID" 2>/dev/null || true
    fi
    CARGO_PID=
}

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    stop_cargo
    if [[ -n "$STACK_DIR" ]]; then
        say "stopping the test stack in $STACK_DIR"
        "$STACK" down "$STACK_DIR" || say "WARNING: '$STACK down $STACK_DIR' failed; check for leftover processes"
    fi
    say "exit status $rc"
    exit "$rc"
}
trap cleanup EXIT
trap 'say "interrupted (SIGINT)"; exit 130' INT
trap 'say "terminated (SIGTERM)"; exit 143' TERM

say "installing missing system packages for the test stack, if any (scripts/stack.sh install)"
"$STACK" install

STACK_DIR=$(mktemp -d /tmp/rt-stack.XXXXXX)
say "starting Postfix, Dovecot and PostgreSQL on loopback in $STACK_DIR"
t0=$EPOCHREALTIME
"$STACK" up "$STACK_DIR"
say "stack is up after $(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }') s"

# shellcheck source=/dev/null
source "$STACK_DIR/env"
say "using RT_SMTP_PORT=$RT_SMTP_PORT RT_IMAP_PORT=$RT_IMAP_PORT RT_PG_URL=$RT_PG_URL"

say "running: cargo test --workspace $*"
# Job control on for this one command: cargo gets its own process group that cleanup can stop
# as a whole, and it keeps SIGINT at its default (without job control, bash makes background
# commands ignore SIGINT, which the tests' child processes would inherit). Run in the
# background so that `wait` returns as soon as a signal arrives and the traps run at once.
set -m
cargo test --workspace "$@" &
CARGO_PID=$!
set +m
status=0
wait "$CARGO_PID" || status=$?
CARGO_PID=
say "cargo test finished with status $status"
exit "$status"
