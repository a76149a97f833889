#!/usr/bin/env bash
# bench.sh — roundtable's benchmarks (issue 6): one run, each figure beside its limit or peer
# measured in the same run, written into BENCHMARKS.md.
#
#   ./scripts/bench.sh                  # everything, ~5 minutes on 2 cores; writes BENCHMARKS.md
#   BENCH_N=2000 ./scripts/bench.sh     # a quicker look (BENCHMARKS.md is written only for 10,000)
#
# As root on Debian 12 it installs what is missing (scripts/stack.sh install: Postfix,
# Dovecot, PostgreSQL; and mlmmj), builds the release binaries (the daemon and crates/bench), and
# brings up on 127.0.0.1, in a temporary directory:
#   - Postfix + Dovecot + PostgreSQL with scripts/stack.sh up (PostgreSQL with fsync and
#     synchronous_commit turned back on: the test stack turns them off),
#   - Postfix's smtp-sink on a free port (the outbound limit), and later a second one that
#     dumps every transaction (to count what each recipient got),
# then runs, in this order:
#   1. inbound:   a backlog of N replies drained by App::drain_inbox, on SQLite and on
#                 PostgreSQL, beside mail-parser's raw parse rate of the same files; and on
#                 SQLite once more confined to one CPU (taskset -c 0), which shows what
#                 waking threads across CPUs costs (BENCHMARKS.md);
#   2. outbound:  a digest to N members queued by the rules, Delivery::drain over SMTP to the
#                 sink, beside smtp-source with the same message size and connections;
#   3. peer:      mlmmj fanning one post of the same size out to an N-address list through the
#                 same sink: as packaged on BENCH_MLMMJ_PACKAGED_N recipients (it manages
#                 ~22 msg/s: 10,000 would take 8 minutes), and with TCP_NODELAY forced on all N;
#   6. scale-out: the outbound run by one, then two `roundtable run` daemons on one
#                 PostgreSQL, counting double sends per recipient from the sink's dumps;
#   5. footprint: `roundtable run` on IMAP IDLE (SQLite): start-up time, RSS and CPU over 60 s
#                 idle, binary size;
#   4. latency:   200 replies through Postfix into Dovecot → the daemon's confirmation
#                 accepted by Postfix, p50 / p99.
# Everything stays on loopback and is torn down at the end, also on failure and Ctrl-C
# (BENCH_KEEP=1 keeps the work directory and its logs).
#
#   BENCH_N=10000                 messages / recipients per run
#   BENCH_CONNECTIONS=4           SMTP connections (roundtable's max_connections, smtp-source -s)
#   BENCH_MLMMJ_PACKAGED_N=1000   recipients for mlmmj as packaged
#   BENCH_IDLE_SECS=60            idle window of the footprint
#   BENCH_REPLIES=200             replies of the latency run
#   BENCH_RUNS=3                  runs of each throughput measurement (the report: median, spread)
#   BENCH_GROWTH_100K=0           1: also inbound and outbound at 100,000 (backlog, members), once
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd -P)
cd "$ROOT"
STACK_SH=$ROOT/scripts/stack.sh
N=${BENCH_N:-10000}
CONNS=${BENCH_CONNECTIONS:-4}
MLMMJ_PACKAGED_N=${BENCH_MLMMJ_PACKAGED_N:-1000}
IDLE_SECS=${BENCH_IDLE_SECS:-60}
REPLIES=${BENCH_REPLIES:-200}
RUNS=${BENCH_RUNS:-3}
GROWTH_100K=${BENCH_GROWTH_100K:-0}
COMMAND="./scripts/bench.sh${BENCH_N:+ (BENCH_N=$BENCH_N)}${BENCH_RUNS:+ (BENCH_RUNS=$BENCH_RUNS)}${BENCH_GROWTH_100K:+ (BENCH_GROWTH_100K=$BENCH_GROWTH_100K)}"

say() { echo "bench.sh: $*" >&2; }
die() { say "ERROR: $*"; exit 1; }

WORK=
SINK_PIDS=()
cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    for p in "${SINK_PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
    if [[ -n "$WORK" && -d "$WORK/stack" ]]; then
        "$STACK_SH" down "$WORK/stack" >/dev/null 2>&1 || say "WARNING: '$STACK_SH down $WORK/stack' failed"
    fi
    if [[ -n "$WORK" ]]; then
        if [[ "${BENCH_KEEP:-0}" == 1 || $rc -ne 0 ]]; then
            say "work directory kept: $WORK"
        else
            rm -rf -- "$WORK"
        fi
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

now() { date +%s.%N; }
put() { echo "$1 $2" >>"$RESULTS"; echo "  $1 $2"; }
result() { awk -v k="$1" '$1 == k { v = $2 } END { print v }' "$RESULTS"; }

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

wait_port() { # PORT: bounded wait until something listens
    local i
    for i in $(seq 1 100); do
        (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
        sleep 0.05
    done
    return 1
}

SMTP_SINK=$(command -v smtp-sink || echo /usr/sbin/smtp-sink)
SMTP_SOURCE=$(command -v smtp-source || echo /usr/sbin/smtp-source)

start_sink() { # PORT [smtp-sink options...]: prints nothing, records the pid
    local port=$1
    shift
    local user=()
    [[ $(id -u) -eq 0 ]] && user=(-u postfix)
    "$SMTP_SINK" "${user[@]}" "$@" "127.0.0.1:$port" 256 </dev/null >>"$WORK/sink.log" 2>&1 &
    SINK_PIDS+=($!)
    wait_port "$port" || die "smtp-sink did not listen on $port"
}

# ---- set-up ----------------------------------------------------------------------------------

say "installing what is missing (scripts/stack.sh install; mlmmj)"
"$STACK_SH" install
if [[ ! -x /usr/bin/mlmmj-send ]]; then
    [[ $(id -u) -eq 0 ]] || die "mlmmj is missing: run as root, or: sudo apt-get install -y mlmmj"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q mlmmj >/dev/null || die "apt-get install -y mlmmj failed"
fi
[[ -x "$SMTP_SINK" && -x "$SMTP_SOURCE" ]] || die "smtp-sink/smtp-source are missing (Debian's postfix package ships them)"

say "building the release binaries (cargo build --release -p roundtable -p bench)"
cargo build --release -p roundtable -p bench --bins
BENCH=$ROOT/target/release/bench
ROUNDTABLE=$ROOT/target/release/roundtable

WORK=$(mktemp -d /tmp/rt-bench.XXXXXX)
chmod 755 "$WORK"
RESULTS=$WORK/results.txt
: >"$RESULTS"
put run.load_before "$(cut -d' ' -f1-3 /proc/loadavg | tr ' ' /)"

say "starting Postfix, Dovecot and PostgreSQL on loopback ($WORK/stack)"
"$STACK_SH" up "$WORK/stack"
# shellcheck source=/dev/null
source "$WORK/stack/env"
# The test stack runs PostgreSQL without durability; a benchmark of durable commits needs it.
psql -q "$RT_PG_URL" -c "ALTER SYSTEM SET fsync = on" -c "ALTER SYSTEM SET synchronous_commit = on" \
    -c "ALTER SYSTEM SET full_page_writes = on" -c "SELECT pg_reload_conf()" >/dev/null
sleep 0.5

SINK_PORT=$(free_port)
start_sink "$SINK_PORT"
say "smtp-sink on 127.0.0.1:$SINK_PORT"
B() { "$BENCH" --results "$RESULTS" "$@" 2>>"$WORK/bench.log"; }

# ---- 1. inbound ------------------------------------------------------------------------------

# Each measurement runs RUNS times, interleaved (SQLite, PostgreSQL, SQLite, ...), so that both
# see the same minutes of a shared machine; the report shows the median and the spread.
for run in $(seq 1 "$RUNS"); do
    say "1. inbound: $N replies, SQLite (run $run of $RUNS)"
    B inbound --db sqlite --work "$WORK" --n "$N"
    say "1. inbound: $N replies, PostgreSQL (run $run of $RUNS)"
    B inbound --db postgres --work "$WORK" --n "$N"
    say "1. growth: inbound, a backlog of 1,000 (SQLite, run $run of $RUNS)"
    B inbound --db sqlite --label growth-1000 --work "$WORK" --n 1000 --drain-only
done
say "1. inbound: $N replies, SQLite, the process confined to one CPU (a diagnosis: cross-CPU wake-ups)"
taskset -c 0 "$BENCH" --results "$RESULTS" inbound --db sqlite --label sqlite-1cpu --work "$WORK" --n "$N" --drain-only 2>>"$WORK/bench.log"
say "1. inbound: $N replies, SQLite, then 12 s idle: the memory a daemon keeps after a backlog"
B inbound --db sqlite --label idle --work "$WORK" --n "$N" --drain-only --idle-after 12
if [[ "$GROWTH_100K" == 1 ]]; then
    say "1. growth: inbound, a backlog of 100,000 (SQLite, once)"
    B inbound --db sqlite --label growth-100000 --work "$WORK" --n 100000 --drain-only
fi

# ---- 2. outbound -----------------------------------------------------------------------------

# The limit: smtp-source, same message size, same number of connections (each reused for
# many messages, as roundtable's pool does), same sink; one measurement per run.
smtp_source() { # SESSIONS SIZE KEY
    local t0 t1
    t0=$(now)
    "$SMTP_SOURCE" -d -s "$1" -m "$N" -l "$2" -f bench@bench.test -t limit@sink.test "127.0.0.1:$SINK_PORT"
    t1=$(now)
    put "$3.rate" "$(awk -v n="$N" -v a="$t0" -v b="$t1" 'BEGIN { printf "%.0f", n / (b - a) }')"
    put "$3.sessions" "$1"
    put "$3.size" "$2"
}
for run in $(seq 1 "$RUNS"); do
    say "2. outbound: a digest to $N members over $CONNS connections, SQLite (run $run of $RUNS)"
    B outbound --db sqlite --work "$WORK" --n "$N" --port "$SINK_PORT" --connections "$CONNS"
    SIZE=$(result outbound.sqlite.size)
    say "2. outbound: the same on PostgreSQL"
    B outbound --db postgres --work "$WORK" --n "$N" --port "$SINK_PORT" --connections "$CONNS"
    say "2. list post: one 4 KB post to $N members (personal copies), SQLite and PostgreSQL"
    B post --db sqlite --work "$WORK" --n "$N" --port "$SINK_PORT" --connections "$CONNS"
    B post --db postgres --work "$WORK" --n "$N" --port "$SINK_PORT" --connections "$CONNS"
    POST_SIZE=$(result post.sqlite.size)
    say "2. smtp-source: $N messages of $SIZE and of $POST_SIZE bytes, $CONNS sessions (and 1 for the mlmmj comparison)"
    smtp_source "$CONNS" "$SIZE" smtp_source
    smtp_source "$CONNS" "$POST_SIZE" smtp_source_post
    smtp_source 1 "$POST_SIZE" smtp_source_1
    say "2. growth: outbound, a digest to 1,000 members (SQLite)"
    B outbound --db sqlite --label outbound-growth-1000 --work "$WORK" --n 1000 --port "$SINK_PORT" --connections "$CONNS"
done
put smtp_source.command "smtp-source -d -s $CONNS -m $N -l $SIZE -f bench@bench.test -t limit@sink.test 127.0.0.1:PORT"
if [[ "$GROWTH_100K" == 1 ]]; then
    say "2. growth: outbound, a digest to 100,000 members (SQLite, once)"
    B outbound --db sqlite --label outbound-growth-100000 --work "$WORK" --n 100000 --port "$SINK_PORT" --connections "$CONNS"
fi

# ---- 3. peer: mlmmj --------------------------------------------------------------------------

say "3. mlmmj: one $POST_SIZE-byte post (the list post's size) to a list of $N addresses through the same sink"
ML=$WORK/mlmmj
make_list() { # RECIPIENTS
    rm -rf "$ML/list"
    local d
    for d in incoming queue queue/discarded archive text subconf unsubconf bounce control moderation \
        subscribers.d digesters.d requeue nomailsubs.d; do
        mkdir -p "$ML/list/$d"
    done
    echo "bench-list@bench.test" >"$ML/list/control/listaddress"
    echo 127.0.0.1 >"$ML/list/control/relayhost"
    echo "$SINK_PORT" >"$ML/list/control/smtpport"
    cp /usr/share/mlmmj/text.skel/en/* "$ML/list/text/" 2>/dev/null || true
    awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) printf "m%05d@mlmmj.test\n", i }' >"$ML/list/subscribers.d/m"
    # A plain post of the digest's size (mlmmj reads mail as an MTA stores it: LF line ends).
    python3 - "$POST_SIZE" >"$ML/list/queue/post" <<'PY'
import sys, textwrap
size = int(sys.argv[1])
head = ("From: Ana <ana@bench.test>\nTo: bench-list@bench.test\nSubject: Bench Circle digest\n"
        "Message-ID: <post-1@bench.test>\nDate: Sun, 29 Nov 2026 09:00:00 +0000\nMIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=us-ascii\n\n")
words = "takeaways from the last meeting and the topics for the next one " * (size // 40 + 1)
print(head + "\n".join(textwrap.wrap(words, 76))[: max(0, size - len(head))])
PY
}
mkdir -p "$ML"
cat >"$ML/nodelay.c" <<'C'
/* LD_PRELOAD: TCP_NODELAY on every TCP socket the program connects. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
int connect(int fd, const struct sockaddr *addr, socklen_t len) {
    static int (*real)(int, const struct sockaddr *, socklen_t);
    if (!real) real = (int (*)(int, const struct sockaddr *, socklen_t))dlsym(RTLD_NEXT, "connect");
    if (addr && (addr->sa_family == AF_INET || addr->sa_family == AF_INET6)) {
        int one = 1;
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    }
    return real(fd, addr, len);
}
C
cc -shared -fPIC -O2 -o "$ML/nodelay.so" "$ML/nodelay.c" -ldl
mlmmj_run() { # RECIPIENTS KEY [env...]
    local n=$1 key=$2 t0 t1
    shift 2
    make_list "$n"
    t0=$(now)
    env "$@" /usr/bin/mlmmj-send -L "$ML/list" -m "$ML/list/queue/post" || die "mlmmj-send failed"
    t1=$(now)
    put "$key.recipients" "$n"
    put "$key.seconds" "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')"
    put "$key.rate" "$(awk -v n="$n" -v a="$t0" -v b="$t1" 'BEGIN { printf "%.0f", n / (b - a) }')"
}
put mlmmj.version "$(dpkg-query -W -f '${Version}' mlmmj 2>/dev/null || echo '?')"
mlmmj_run "$((MLMMJ_PACKAGED_N < N ? MLMMJ_PACKAGED_N : N))" mlmmj.packaged
for run in $(seq 1 "$RUNS"); do
    mlmmj_run "$N" mlmmj.nodelay LD_PRELOAD="$ML/nodelay.so"
done
put mailman.note "not run: Debian's mailman3 pulls 79 packages and runs ~10 runner processes; personalised delivery measured ~38 msg/s here (NOTES.md), so 10,000 would take ~4.5 minutes of a 15-minute run"

# ---- 6. scale-out ----------------------------------------------------------------------------

DUMP=$WORK/dump
mkdir -p "$DUMP"
chmod 777 "$DUMP"
DUMP_PORT=$(free_port)
start_sink "$DUMP_PORT" -d "$DUMP/%H%M%S."
for d in 1 2; do
    say "6. scale-out: $d daemon(s) on one PostgreSQL, $N mails, $CONNS connections each"
    B scaleout --work "$WORK" --n "$N" --port "$DUMP_PORT" --connections "$CONNS" --daemons "$d" --dump "$DUMP" --roundtable "$ROUNDTABLE"
done

# ---- 5 + 4. the daemon: start-up, footprint, latency -----------------------------------------

say "5. footprint: roundtable run on IMAP IDLE, ${IDLE_SECS}s idle; 4. latency: $REPLIES replies"
B daemon --work "$WORK" --idle-secs "$IDLE_SECS" --replies "$REPLIES" --roundtable "$ROUNDTABLE"

put run.load_after "$(cut -d' ' -f1-3 /proc/loadavg | tr ' ' /)"

# ---- report ----------------------------------------------------------------------------------

if [[ "$N" == 10000 ]]; then
    "$BENCH" --results "$RESULTS" report --out "$ROOT/BENCHMARKS.md" --command "$COMMAND"
else
    "$BENCH" --results "$RESULTS" report --out "$WORK/BENCHMARKS.md" --command "$COMMAND"
    say "N=$N: report written to $WORK/BENCHMARKS.md, not to BENCHMARKS.md"
    BENCH_KEEP=1
fi
