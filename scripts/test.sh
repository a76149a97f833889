#!/usr/bin/env bash
# test.sh — the project's test command. As root on a fresh Debian 12 machine:
#
#   ./scripts/test.sh                 # everything
#   ./scripts/test.sh some_test_name  # extra arguments go to `cargo test --workspace --no-fail-fast`
#
# Installs what the real test stack needs (scripts/stack.sh install), brings up a throwaway
# Postfix + Dovecot + PostgreSQL on free loopback ports in a temporary directory, runs the
# tests against it with the RT_* variables from its env file, and always tears the stack
# down again: on success, on failure, on Ctrl-C and on SIGTERM. Exits with cargo's status.
#
# Nothing is left behind: the tests' temporary files (TMPDIR) and PostgreSQL databases live
# inside the stack directory, which `down` removes; the stacks that fault tests start of their
# own carry this run's RT_STACK_OWNER token and are stopped at the end too, should a killed
# test not have stopped its own.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd -P)
cd "$ROOT"
STACK=$ROOT/scripts/stack.sh

say() { echo "test.sh: $*"; }

STACK_DIR=
CARGO_PID=
CARGO_PGID=
# Every stack brought up under this run is marked with this token (see stop_owned_stacks).
RT_STACK_OWNER="test.sh-$$-${EPOCHREALTIME/./}"
export RT_STACK_OWNER

# group_alive PGID: a process of that process group is running (zombies do not count).
group_alive() {
    local f stat fields
    for f in /proc/[0-9]*/stat; do
        { read -r stat <"$f"; } 2>/dev/null || continue
        read -r -a fields <<<"${stat##*) }" # state, ppid, pgrp, … (after "(comm)")
        [[ "${fields[2]}" == "$1" && "${fields[0]}" != Z ]] && return 0
    done
    return 1
}

# Stop cargo's whole process group: cargo, the test binaries, and what they started (daemons,
# smtp-sink) — also once cargo has exited, for what a failed test never stopped.
stop_cargo() {
    [[ -n "$CARGO_PGID" ]] || return 0
    if group_alive "$CARGO_PGID"; then
        say "stopping cargo test and what it started (process group $CARGO_PGID)"
        kill -INT -- "-$CARGO_PGID" 2>/dev/null || true
        for _ in $(seq 1 100); do # bounded: 10 s, then SIGKILL
            group_alive "$CARGO_PGID" || break
            sleep 0.1
        done
        kill -KILL -- "-$CARGO_PGID" 2>/dev/null || true
    fi
    if [[ -n "$CARGO_PID" ]]; then
        wait "$CARGO_PID" 2>/dev/null || true
    fi
    CARGO_PID=
    CARGO_PGID=
}

# Stops the stacks started under this run (by fault tests, in /tmp/rt-fault.*) that are
# still up: a test killed by a signal never ran the code that stops its stack.
stop_owned_stacks() {
    local marker
    for marker in /tmp/*/.rt-stack; do
        [[ -f "$marker" && "${marker%/.rt-stack}" != "$STACK_DIR" ]] || continue
        grep -qxF "owner $RT_STACK_OWNER" "$marker" 2>/dev/null || continue
        say "stopping a stack a test left running: ${marker%/.rt-stack}"
        "$STACK" down "${marker%/.rt-stack}" || say "WARNING: '$STACK down ${marker%/.rt-stack}' failed"
    done
}

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    stop_cargo
    stop_owned_stacks
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
# The tests' temporary directories (tempfile, std::env::temp_dir) inside the stack directory:
# `down` removes whatever a failed or killed test could not. Sticky and world-writable like
# /tmp: smtp-sink runs as user postfix and writes into a directory made there.
mkdir -m 1777 "$STACK_DIR/tmp"
export TMPDIR=$STACK_DIR/tmp
say "using RT_SMTP_PORT=$RT_SMTP_PORT RT_IMAP_PORT=$RT_IMAP_PORT RT_PG_URL=$RT_PG_URL"

say "running: cargo test --workspace --no-fail-fast $*"
# Job control on for this one command: cargo gets its own process group that cleanup can stop
# as a whole, and it keeps SIGINT at its default (without job control, bash makes background
# commands ignore SIGINT, which the tests' child processes would inherit). Run in the
# background so that `wait` returns as soon as a signal arrives and the traps run at once.
set -m
cargo test --workspace --no-fail-fast "$@" &
CARGO_PID=$!
CARGO_PGID=$CARGO_PID # a job's process group is its first process's id
set +m
status=0
wait "$CARGO_PID" || status=$?
CARGO_PID=
say "cargo test finished with status $status"
exit "$status"
