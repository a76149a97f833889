#!/usr/bin/env bash
# stack.sh — a throwaway, real mail + database stack on loopback for roundtable's tests.
#
#   scripts/stack.sh install     install what is missing (postfix, dovecot-imapd, dovecot-lmtpd,
#                                postgresql, python3, openssl: apt, as root) and Python's
#                                icalendar (pip)
#   scripts/stack.sh up DIR      start Postfix, Dovecot and PostgreSQL, all configured inside
#                                DIR on free 127.0.0.1 ports, self-check them, write DIR/env
#   scripts/stack.sh down DIR    stop all three and remove DIR (keep it with RT_KEEP_STACK=1);
#                                safe to run twice and after a failed `up`
#   scripts/stack.sh restart-dovecot DIR [SECONDS]
#   scripts/stack.sh restart-postgres DIR [SECONDS]
#                                stop that one service of the stack in DIR, keep it down SECONDS
#                                (default 0), start it again on the same port and wait until it
#                                answers; the other services keep running (for fault tests)
#   RT_KEEP_STACK=1              with `up`: a failed stack is left running to debug it
#                                with `down`: stop the daemons but keep DIR (logs, mail)
#   RT_STACK_OWNER=TOKEN         with `up`: written into DIR's marker (DIR/.rt-stack) as
#                                "owner TOKEN", so that whoever ran the tests can find the stacks
#                                they started (scripts/test.sh stops those a killed test left)
#
# Interactive work (a stack that stays up while you run single tests by hand):
#
#   sudo scripts/stack.sh up /tmp/rt-stack && source /tmp/rt-stack/env
#   cargo test --workspace some_test
#   sudo scripts/stack.sh down /tmp/rt-stack
#
# What the stack is:
#   - Postfix smtpd on 127.0.0.1:$RT_SMTP_PORT accepts mail for ANY local part at rt.test and
#     hands it over LMTP (a unix socket) to Dovecot, which stores it in the Maildir
#     $RT_MAILDIR_BASE/<localpart>/ ("list+TOKEN@rt.test" lands in "list"). Why not Postfix's
#     own virtual(8) with a regexp map "rt.test/${1}/": see write_postfix_config.
#   - Postfix plays "our own receiving server that checks DMARC", authserv-id
#     $RT_AUTHSERV_ID (mx.rt.test). Real DKIM/DMARC needs DNS, which the stack has none of, so
#     the verdict is simulated by WHICH PORT the mail comes in on, and Postfix writes it as an
#     Authentication-Results header (RFC 8601) on top of EVERY message accepted by smtpd:
#       via $RT_SMTP_PORT (nothing verified, never a pass):
#         Authentication-Results: mx.rt.test; dmarc=none reason="unverified port of the test stack"
#       via $RT_SMTP_TRUSTED_PORT (as if the message had passed DKIM and DMARC for rt.test):
#         Authentication-Results: mx.rt.test; dkim=pass header.d=rt.test header.s=test;
#           dmarc=pass (p=reject) header.from=rt.test          (one line; folded here)
#       The header is fixed, not computed from the message: a From outside rt.test sent via the
#       trusted port is simply not aligned with it.
#     Otherwise the two ports are identical (recipients, size limit, delivery). The daemon trusts
#     only the TOP-MOST Authentication-Results header with our authserv-id, so ours has to be on
#     every message: a forged "mx.rt.test; dmarc=pass" that a client wrote into its own header
#     then always sits below the real one and is ignored. Forged headers are kept, not stripped,
#     so tests can check that the daemon ignores them. Mail Postfix makes itself (DSNs) carries
#     no such header at the top.
#   - Mail for any other domain never leaves the machine: its transport is Postfix's error(8), so
#     smtpd refuses it at RCPT time (550 5.1.2); master.cf has no smtp transport at all.
#   - Anything@bounce.rt.test is accepted and then bounced asynchronously (5.1.1): a real DSN
#     (RFC 3464) goes to the envelope sender, e.g. a VERP list+bounce-TOKEN@rt.test Maildir,
#     for bounce-handling tests.
#   - Dovecot IMAP on 127.0.0.1:$RT_IMAP_PORT (STARTTLS offered, plain login allowed without
#     it); any user "name@rt.test" logs in with $RT_IMAP_PASSWORD and sees that same Maildir
#     (static passdb + static userdb).
#   - TLS: `up` makes a throwaway CA ($RT_TLS_CA_FILE, PEM) and a server certificate it signs
#     for localhost, 127.0.0.1 and ::1 (EC P-256, a year). Clients that trust that CA reach:
#       $RT_SMTPS_PORT          smtpd with implicit TLS (wrapper mode, as port 465)
#       $RT_SMTP_STARTTLS_PORT  smtpd that requires STARTTLS before MAIL FROM (as port 587)
#       $RT_IMAPS_PORT          Dovecot with implicit TLS (as port 993)
#       $RT_IMAP_PORT           STARTTLS, as above
#     Both TLS smtpd are otherwise the untrusted port (dmarc=none); mail that came in over TLS
#     has "(using TLSv1.x with cipher …)" in Postfix's Received header. The plain ports above
#     stay without TLS (Postfix's) or with it optional (Dovecot's).
#   - PostgreSQL on 127.0.0.1 (trust auth), superuser URL $RT_PG_URL; tests CREATE DATABASE.
# Everything (configs, queues, logs, sockets, pids, mail, data) lives in DIR; nothing in /etc
# is read or changed and no default port (25, 143, 5432) is used.
set -euo pipefail

readonly MAIL_DOMAIN=rt.test
readonly IMAP_PASSWORD=rt-test-password
readonly PG_ROLE=rt
readonly VMAIL_USER=vmail
readonly POSTFIX=/usr/sbin/postfix
readonly DOVECOT=/usr/sbin/dovecot
# Our receiving server's authserv-id and the two Authentication-Results headers it prepends
# (without the "Authentication-Results: " name in AR_*; see the top of this file).
readonly AUTHSERV_ID=mx.$MAIL_DOMAIN
readonly AR_UNTRUSTED="$AUTHSERV_ID; dmarc=none reason=\"unverified port of the test stack\""
readonly AR_TRUSTED="$AUTHSERV_ID; dkim=pass header.d=$MAIL_DOMAIN header.s=test; dmarc=pass (p=reject) header.from=$MAIL_DOMAIN"
readonly MARKER=.rt-stack # written first thing by `up`; `down` deletes only dirs carrying it

log() { echo "stack.sh: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

usage() {
    sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

# System python: the self-check uses only its standard library (smtplib, imaplib, socket).
python() {
    if [[ -x /usr/bin/python3 ]]; then /usr/bin/python3 "$@"; else python3 "$@"; fi
}

pg_bindir() {
    local d
    # Highest installed major version wins.
    d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)
    [[ -n "$d" && -x "$d/initdb" && -x "$d/pg_ctl" ]] || return 1
    echo "$d"
}

# ---------------------------------------------------------------------------------------------
# install
# ---------------------------------------------------------------------------------------------

missing_packages() {
    local missing=()
    [[ -x $POSTFIX ]] || missing+=(postfix)
    [[ -x $DOVECOT && -x /usr/lib/dovecot/imap ]] || missing+=(dovecot-imapd)
    [[ -x /usr/lib/dovecot/lmtp ]] || missing+=(dovecot-lmtpd)
    { pg_bindir >/dev/null && command -v psql >/dev/null && command -v pg_isready >/dev/null; } ||
        missing+=(postgresql)
    [[ -x /usr/bin/python3 ]] || command -v python3 >/dev/null || missing+=(python3)
    command -v openssl >/dev/null || missing+=(openssl) # the stack's throwaway CA
    # `script` (bsdutils) and `runuser`/`flock` (util-linux) are Essential on Debian.
    echo "${missing[@]}"
}

# Python's icalendar package: src/compose/ics.rs's tests read our invitations back with it. The
# `python3` on PATH (not the `python` helper's system one), as those tests run it; only pip.
install_python_icalendar() {
    python3 -c 'import icalendar' 2>/dev/null && return 0
    log "install: installing Python's icalendar package: python3 -m pip install icalendar"
    python3 -m pip install --quiet icalendar || die "install: python3 -m pip install icalendar failed (see above)"
}

cmd_install() {
    local missing
    missing=$(missing_packages)
    if [[ -z "$missing" ]]; then
        log "install: everything present (postfix, dovecot-imapd, dovecot-lmtpd, postgresql, python3, openssl)"
        install_python_icalendar
        return 0
    fi
    if [[ $(id -u) -ne 0 ]]; then
        die "install: missing packages: $missing. Run this script as root, or: sudo apt-get install -y $missing"
    fi
    log "install: installing missing packages: $missing"

    # Keep Debian from starting default instances on ports 25/143/5432 during the install.
    local created_policy=0
    if [[ ! -e /usr/sbin/policy-rc.d ]]; then
        printf '#!/bin/sh\n# created by roundtable scripts/stack.sh install\nexit 101\n' >/usr/sbin/policy-rc.d
        chmod 755 /usr/sbin/policy-rc.d
        created_policy=1
    fi
    if [[ $created_policy -eq 1 ]]; then
        trap 'rm -f /usr/sbin/policy-rc.d' EXIT # remove only what we created
    fi

    # Postfix must not prompt: "No configuration" leaves /etc/postfix unconfigured (we never use it).
    if command -v debconf-set-selections >/dev/null; then
        printf '%s\n' \
            'postfix postfix/main_mailer_type select No configuration' \
            "postfix postfix/mailname string $MAIL_DOMAIN" | debconf-set-selections
    fi
    export DEBIAN_FRONTEND=noninteractive
    # shellcheck disable=SC2086 # word splitting of the package list is intended
    apt-get update -q >/dev/null || die "install: apt-get update failed (see above)"
    apt-get install -y -q $missing || die "install: apt-get install -y $missing failed (see above)"

    missing=$(missing_packages)
    [[ -z "$missing" ]] || die "install: still missing after apt-get install: $missing"
    install_python_icalendar
    log "install: done"
}

# ---------------------------------------------------------------------------------------------
# helpers for up
# ---------------------------------------------------------------------------------------------

# N distinct free TCP ports on 127.0.0.1, taken below the kernel's ephemeral range so that
# outgoing connections (which get ephemeral local ports) cannot grab one between choosing and
# binding. Falls back to the kernel's choice (bind to port 0).
free_ports() {
    python - "$1" <<'PY'
import random, socket, sys
n = int(sys.argv[1])
try:
    low = int(open("/proc/sys/net/ipv4/ip_local_port_range").read().split()[0])
except Exception:
    low = 32768
ports, held = [], []
for _ in range(500):
    if len(ports) == n:
        break
    port = random.randint(20000, max(20001, low - 1))
    s = socket.socket()
    try:
        s.bind(("127.0.0.1", port))
    except OSError:
        s.close()
        continue
    held.append(s)
    ports.append(port)
while len(ports) < n:  # fallback: let the kernel pick
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    held.append(s)
    ports.append(s.getsockname()[1])
print(" ".join(map(str, ports)))
PY
}

ensure_vmail_user() {
    if ! getent passwd "$VMAIL_USER" >/dev/null; then
        # flock: two stacks coming up at once must not both run useradd.
        flock /tmp/.rt-stack-useradd.lock sh -c "getent passwd $VMAIL_USER >/dev/null ||
            useradd --system --user-group --no-create-home --home-dir /nonexistent \
                    --shell /usr/sbin/nologin $VMAIL_USER" ||
            die "could not create system user $VMAIL_USER"
    fi
}

# wait_port PORT NAME SECONDS: bounded wait until something accepts on 127.0.0.1:PORT.
wait_port() {
    python - "$1" "$3" <<'PY'
import socket, sys, time
port, deadline = int(sys.argv[1]), time.time() + float(sys.argv[2])
while time.time() < deadline:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
        sys.exit(0)
    except OSError:
        time.sleep(0.1)
sys.exit(1)
PY
}

tail_log() { # tail_log FILE TITLE
    if [[ -s "$1" ]]; then
        echo "----- $2: last lines of $1 -----" >&2
        tail -n 40 "$1" >&2
        echo "----- end of $1 -----" >&2
    else
        echo "----- $2: $1 is missing or empty -----" >&2
    fi
}

# fail_up WHAT LOG...: report, print the logs that explain it, stop what was started.
fail_up() {
    local what=$1
    shift
    log "up FAILED: $what"
    local f
    for f in "$@"; do
        case $f in
        postfix) tail_log "$DIR/postfix.log" "postfix log" ;;
        dovecot) tail_log "$DIR/dovecot.log" "dovecot log" ;;
        postgres) tail_log "$DIR/postgres.log" "postgres log" ;;
        esac
    done
    if [[ "${RT_KEEP_STACK:-0}" != 1 ]]; then
        log "stopping what was started; logs stay in $DIR (remove it with: $0 down $DIR)"
        stop_all "$DIR" || true
    fi
    exit 1
}

# ---------------------------------------------------------------------------------------------
# TLS
# ---------------------------------------------------------------------------------------------

# A throwaway CA and a server certificate it signs, in $DIR/tls: ca.pem (what clients trust),
# server.pem + server.key (Postfix and Dovecot). EC keys: ~30 ms in all. The server certificate
# names localhost, 127.0.0.1 and ::1 as subject alternative names (rustls, like any current
# client, checks only those: DNS names for a host name, IP entries for an address) and is for
# serverAuth. The CA's key is deleted once it has signed: nothing else is ever signed with it.
make_certs() {
    local t=$DIR/tls
    mkdir -p "$t"
    chmod 755 "$t"
    (
        umask 077
        openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
            -keyout "$t/ca.key" -out "$t/ca.pem" -days 365 \
            -subj "/O=roundtable test stack/CN=roundtable test CA $(basename "$DIR")" \
            -addext "basicConstraints=critical,CA:TRUE" \
            -addext "keyUsage=critical,keyCertSign,cRLSign" &&
            openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
                -keyout "$t/server.key" -out "$t/server.csr" -subj "/O=roundtable test stack/CN=localhost" &&
            printf '%s\n' \
                "basicConstraints=critical,CA:FALSE" \
                "keyUsage=critical,digitalSignature" \
                "extendedKeyUsage=serverAuth" \
                "subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1" >"$t/server.ext" &&
            openssl x509 -req -in "$t/server.csr" -CA "$t/ca.pem" -CAkey "$t/ca.key" \
                -set_serial "0x$(openssl rand -hex 12)" -days 365 -extfile "$t/server.ext" -out "$t/server.pem"
    ) </dev/null >>"$DIR/tls.log" 2>&1 || { tail_log "$DIR/tls.log" "openssl"; fail_up "making the test CA and server certificate with openssl failed"; }
    rm -f "$t/ca.key" "$t/server.csr" "$t/server.ext"
    chmod 644 "$t/ca.pem" "$t/server.pem" # server.key stays 0600 root: both servers read it as root
}

# ---------------------------------------------------------------------------------------------
# Postfix
# ---------------------------------------------------------------------------------------------

write_postfix_config() { # PORT TRUSTED_PORT SMTPS_PORT STARTTLS_PORT
    local port=$1 trusted_port=$2 smtps_port=$3 starttls_port=$4 pf=$DIR/postfix
    # Queue and data directories sit beside the config directory, not inside it: postfix check
    # wants everything under config_directory owned by root, and the queue is not.
    mkdir -p "$pf" "$DIR/postfix-queue" "$DIR/postfix-data"
    chown postfix: "$DIR/postfix-data" # master.lock etc. are created as mail_owner
    # Recipient validation only (smtpd): any local part made of safe characters (no "/", not
    # starting with "."), with an optional +extension, exists. Postfix folds the key to lower
    # case. Dovecot's LMTP then picks the Maildir from the address. Not virtual(8) with a
    # result like "rt.test/${1}/": virtual(8) refuses regexp substitution in mailbox paths
    # ("regular expression substitution is not allowed"), so the path of an address nobody
    # listed in advance has to come from a delivery agent that computes it: Dovecot's.
    cat >"$pf/vmailbox.regexp" <<EOF
/^[a-z0-9_][a-z0-9._=-]*(\+[^@]*)?@rt\.test\$/ OK
EOF
    # bounce.rt.test: accepted by smtpd, then rewritten to an undeliverable address so that
    # qmgr bounces it. (A direct error: transport would be refused at RCPT time instead.)
    cat >"$pf/bounce.regexp" <<EOF
/^(.+)@bounce\.rt\.test\$/ \${1}@nowhere.invalid
EOF
    # The simulated DMARC verifier (see the top of this file): PREPEND, an access-map action run
    # from smtpd_data_restrictions (once per message, at DATA), writes the header above
    # everything the client sent, its own headers included (and above Postfix's Received:). Not
    # from smtpd_end_of_data_restrictions: access(5) says PREPEND cannot run there (the content
    # is already in). A value that is not "Name: text" only logs "requires header: text" and
    # the message goes through WITHOUT the header: the self-check in `up` catches that.
    # Every client address matches (only loopback can connect; 0/0 makes "every" not depend on
    # that). main.cf's smtpd_data_restrictions is the untrusted port's; the trusted port's
    # master.cf entry overrides it.
    cat >"$pf/ar-untrusted.cidr" <<EOF
127.0.0.0/8 PREPEND Authentication-Results: $AR_UNTRUSTED
0.0.0.0/0   PREPEND Authentication-Results: $AR_UNTRUSTED
EOF
    cat >"$pf/ar-trusted.cidr" <<EOF
127.0.0.0/8 PREPEND Authentication-Results: $AR_TRUSTED
0.0.0.0/0   PREPEND Authentication-Results: $AR_TRUSTED
EOF
    cat >"$pf/main.cf" <<EOF
# Generated by roundtable scripts/stack.sh — a throwaway loopback instance.
compatibility_level = 3.6
config_directory = $pf
queue_directory = $DIR/postfix-queue
data_directory = $DIR/postfix-data
mail_owner = postfix
setgid_group = postdrop

maillog_file = $DIR/postfix.log
maillog_file_prefixes = /var, /dev/stdout, $DIR
syslog_name = postfix-rt-stack

myhostname = mx.$MAIL_DOMAIN
mydomain = $MAIL_DOMAIN
myorigin = $MAIL_DOMAIN
mydestination =
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
alias_maps =
alias_database =
biff = no
append_dot_mydomain = no

# Never talk to the network: no DNS, and everything not for rt.test goes to error(8), which
# smtpd turns into a 550 at RCPT time (and a DSN to the sender for mail that got queued some
# other way). There is no smtp transport in master.cf.
disable_dns_lookups = yes
smtp_dns_support_level = disabled
default_transport = error:5.1.2 outside rt.test: the test stack delivers no mail off this machine
relay_transport = error:5.1.2 outside rt.test: the test stack delivers no mail off this machine
local_transport = error:5.1.1 no local delivery in the test stack
relay_domains =
smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination

virtual_mailbox_domains = $MAIL_DOMAIN
virtual_alias_domains = bounce.$MAIL_DOMAIN
virtual_alias_maps = regexp:$pf/bounce.regexp
transport_maps = inline:{ {nowhere.invalid = error:5.1.1 mailbox unavailable (test stack: bounce.$MAIL_DOMAIN always bounces)} }
virtual_mailbox_maps = regexp:$pf/vmailbox.regexp
virtual_transport = lmtp:unix:$DIR/dovecot/run/lmtp
recipient_delimiter = +

# The simulated DMARC verdict of the untrusted port (the trusted one overrides this in master.cf).
smtpd_data_restrictions = check_client_access cidr:$pf/ar-untrusted.cidr

message_size_limit = 41943040
virtual_mailbox_limit = 0
mailbox_size_limit = 0

# Fast and tolerant: tests hammer it from one host.
queue_run_delay = 1s
minimal_backoff_time = 1s
maximal_backoff_time = 5s
maximal_queue_lifetime = 1h
bounce_queue_lifetime = 1h
in_flow_delay = 0
smtpd_error_sleep_time = 0
smtpd_soft_error_limit = 1000
smtpd_hard_error_limit = 1000
smtpd_client_connection_count_limit = 0
smtpd_client_connection_rate_limit = 0
smtpd_client_message_rate_limit = 0
smtpd_client_recipient_rate_limit = 0
smtpd_recipient_limit = 10000
smtpd_peername_lookup = no
default_process_limit = 100

# TLS only on the two TLS ports (master.cf raises the level there); the others offer none.
smtpd_tls_security_level = none
smtpd_tls_chain_files = $DIR/tls/server.key, $DIR/tls/server.pem
smtpd_tls_received_header = yes
smtpd_tls_loglevel = 1
EOF
    # Two smtpd on loopback ports, the second "DMARC-verified" (only its data restrictions
    # differ), then the two TLS ones: implicit TLS, and STARTTLS required ("encrypt": a client
    # that did not really start TLS gets no further than MAIL FROM). Nothing chrooted; postlog
    # for maillog_file; tlsmgr, which seeds smtpd's TLS random number generator (tlsmgr(8)).
    cat >"$pf/master.cf" <<EOF
# service            type       private unpriv chroot wakeup maxproc command
127.0.0.1:$port      inet       n       -      n      -      -       smtpd
127.0.0.1:$trusted_port inet    n       -      n      -      -       smtpd
  -o syslog_name=postfix-rt-stack/trusted
  -o smtpd_data_restrictions=check_client_access,cidr:$pf/ar-trusted.cidr
127.0.0.1:$smtps_port inet      n       -      n      -      -       smtpd
  -o syslog_name=postfix-rt-stack/smtps
  -o smtpd_tls_wrappermode=yes
  -o smtpd_tls_security_level=encrypt
127.0.0.1:$starttls_port inet   n       -      n      -      -       smtpd
  -o syslog_name=postfix-rt-stack/starttls
  -o smtpd_tls_security_level=encrypt
tlsmgr               unix       -       -      n      1000?  1       tlsmgr
pickup               unix       n       -      n      60     1       pickup
cleanup              unix       n       -      n      -      0       cleanup
qmgr                 unix       n       -      n      300    1       qmgr
rewrite              unix       -       -      n      -      -       trivial-rewrite
bounce               unix       -       -      n      -      0       bounce
defer                unix       -       -      n      -      0       bounce
trace                unix       -       -      n      -      0       bounce
verify               unix       -       -      n      -      1       verify
flush                unix       n       -      n      1000?  0       flush
proxymap             unix       -       -      n      -      -       proxymap
proxywrite           unix       -       -      n      -      1       proxymap
showq                unix       n       -      n      -      -       showq
error                unix       -       -      n      -      -       error
retry                unix       -       -      n      -      -       error
discard              unix       -       -      n      -      -       discard
lmtp                 unix       -       -      n      -      -       lmtp
anvil                unix       -       -      n      -      1       anvil
scache               unix       -       -      n      -      1       scache
postlog              unix-dgram n       -      n      -      1       postlogd
EOF
}

start_postfix() {
    local pf=$DIR/postfix
    # `postfix check` reports its errors only to syslog or a TTY: give it a pseudo-TTY on failure.
    if ! $POSTFIX -c "$pf" check </dev/null >>"$DIR/postfix.log" 2>&1; then
        echo "----- postfix check (under script) -----" >&2
        script -qc "$POSTFIX -c $pf check" /dev/null </dev/null >&2 || true
        fail_up "postfix check failed for $pf" postfix
    fi
    $POSTFIX -c "$pf" start </dev/null >>"$DIR/postfix.log" 2>&1 ||
        fail_up "postfix start failed" postfix
}

# ---------------------------------------------------------------------------------------------
# Dovecot
# ---------------------------------------------------------------------------------------------

write_dovecot_config() { # PORT IMAPS_PORT UID GID
    local port=$1 imaps_port=$2 uid=$3 gid=$4
    mkdir -p "$DIR/dovecot/run" "$DIR/dovecot/state"
    # Dovecot 2.3 syntax; one setting per line (no one-line { } blocks).
    cat >"$DIR/dovecot.conf" <<EOF
# Generated by roundtable scripts/stack.sh — a throwaway loopback instance.
protocols = imap lmtp
listen = 127.0.0.1
base_dir = $DIR/dovecot/run
state_dir = $DIR/dovecot/state
instance_name = rt-stack-$port
log_path = $DIR/dovecot.log
info_log_path = $DIR/dovecot.log
debug_log_path = $DIR/dovecot.log
# TLS: STARTTLS on the imap port (optional there: plain login stays allowed), implicit TLS on
# the imaps one. No ssl_dh: rustls and Python negotiate ECDHE, never DHE.
ssl = yes
ssl_cert = <$DIR/tls/server.pem
ssl_key = <$DIR/tls/server.key
ssl_min_protocol = TLSv1.2
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = 1
first_valid_gid = 1

# Any user@rt.test logs in with the one fixed password (always log in with the full address),
# and is the vmail user whose home is the Maildir that LMTP delivers into (names folded to
# lower case, as Postfix does).
passdb {
  driver = static
  args = password=$IMAP_PASSWORD
}
userdb {
  driver = static
  args = uid=$uid gid=$gid home=$DIR/mail/%Ld/%Ln
}
mail_location = maildir:~
mail_uid = $uid
mail_gid = $gid
# LMTP from Postfix: "list+TOKEN@rt.test" is user "list" (detail dropped, INBOX).
recipient_delimiter = +
lmtp_save_to_detail_mailbox = no
postmaster_address = postmaster@$MAIL_DOMAIN

# Tests open many sessions for one user from 127.0.0.1 (the default allows 10).
protocol imap {
  mail_max_userip_connections = 500
}

namespace inbox {
  inbox = yes
  separator = /
}

service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $port
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = $imaps_port
    ssl = yes
  }
}

# Postfix's lmtp client (running as user postfix) delivers through this socket.
service lmtp {
  unix_listener lmtp {
    mode = 0600
    user = postfix
    group = postfix
  }
}
EOF
}

start_dovecot() {
    $DOVECOT -c "$DIR/dovecot.conf" </dev/null >>"$DIR/dovecot.log" 2>&1 ||
        fail_up "dovecot failed to start (config $DIR/dovecot.conf)" dovecot
}

# ---------------------------------------------------------------------------------------------
# PostgreSQL
# ---------------------------------------------------------------------------------------------

as_postgres() { # run as the postgres OS user when root (initdb refuses to run as root)
    if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_postgres() { # PORT
    local port=$1 bin data=$DIR/pg/data
    bin=$(pg_bindir) || fail_up "no PostgreSQL server binaries under /usr/lib/postgresql/*/bin (run: $0 install)"
    mkdir -p "$DIR/pg/sock"
    touch "$DIR/postgres.log"
    if [[ $(id -u) -eq 0 ]]; then chown -R postgres: "$DIR/pg" "$DIR/postgres.log"; fi
    as_postgres "$bin/initdb" -D "$data" -U "$PG_ROLE" --auth=trust -E UTF8 --locale=C.UTF-8 \
        </dev/null >>"$DIR/postgres.log" 2>&1 || fail_up "initdb failed" postgres
    # Throwaway data: durability off for speed; room for many parallel test pools.
    cat >>"$data/postgresql.conf" <<EOF

# roundtable scripts/stack.sh
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$DIR/pg/sock'
max_connections = 300
fsync = off
synchronous_commit = off
full_page_writes = off
logging_collector = off
EOF
    as_postgres "$bin/pg_ctl" -D "$data" -l "$DIR/postgres.log" -w -t 30 start \
        </dev/null >>"$DIR/postgres.log" 2>&1 || fail_up "pg_ctl start failed" postgres
    for _ in $(seq 1 100); do
        pg_isready -q -h 127.0.0.1 -p "$port" </dev/null && return 0
        sleep 0.1
    done
    fail_up "PostgreSQL not ready on 127.0.0.1:$port after 10 s" postgres
}

# ---------------------------------------------------------------------------------------------
# self-check
# ---------------------------------------------------------------------------------------------

# Send one message through each smtpd port (the TLS ones with the test CA as the only trust),
# see all land in the Maildir with our simulated Authentication-Results header on top (above a
# forged one the client wrote itself) and, from the TLS ports, with TLS in Postfix's Received
# header; read the first back over IMAP and move it to a new folder; log in over IMAPS and
# over IMAP with STARTTLS. Prints "stage: problem" and exits non-zero on the first failure.
mail_self_check() {
    python - "$RT_SMTP_PORT" "$RT_SMTP_TRUSTED_PORT" "$RT_IMAP_PORT" "$IMAP_PASSWORD" \
        "$DIR/mail/$MAIL_DOMAIN/probe" "$AR_UNTRUSTED" "$AR_TRUSTED" \
        "$RT_SMTPS_PORT" "$RT_SMTP_STARTTLS_PORT" "$RT_IMAPS_PORT" "$DIR/tls/ca.pem" <<'PY'
import email.parser, email.policy, imaplib, os, smtplib, ssl, sys, time, uuid
smtp_port, trusted_port, imap_port = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
password, maildir, ar_untrusted, ar_trusted = sys.argv[4:8]
smtps_port, starttls_port, imaps_port, ca_file = int(sys.argv[8]), int(sys.argv[9]), int(sys.argv[10]), sys.argv[11]
# Trusts the stack's CA only, and checks the name (127.0.0.1 against the IP entry).
tls = ssl.create_default_context(cafile=ca_file)

def fail(stage, msg):
    print(f"{stage}: {msg}", file=sys.stderr)
    sys.exit(1)

# (port, TLS, recipient, the header Postfix must put on top, the forged one the client includes)
forged_pass = "mx.rt.test; dmarc=pass header.from=rt.test"
probes = [
    (smtp_port, None, "probe+x@rt.test", ar_untrusted, forged_pass),
    (trusted_port, None, "probe+trusted@rt.test", ar_trusted,
     "mx.rt.test; dmarc=fail (forged by the self-check) header.from=rt.test"),
    (smtps_port, "implicit", "probe+smtps@rt.test", ar_untrusted, forged_pass),
    (starttls_port, "starttls", "probe+starttls@rt.test", ar_untrusted, forged_pass),
]
tokens = []
for port, mode, rcpt, _, forged in probes:
    token = uuid.uuid4().hex
    tokens.append(token)
    try:
        if mode == "implicit":
            s = smtplib.SMTP_SSL("127.0.0.1", port, timeout=10, context=tls)
        else:
            s = smtplib.SMTP("127.0.0.1", port, timeout=10)
        with s:
            if mode == "starttls":
                s.starttls(context=tls)
            s.sendmail("probe-sender@rt.test", [rcpt],
                       f"Authentication-Results: {forged}\r\n"
                       f"From: probe-sender@rt.test\r\nTo: {rcpt}\r\n"
                       f"Subject: stack probe {token}\r\nMessage-ID: <{token}@rt.test>\r\n\r\nhello {token}\r\n")
    except Exception as e:
        fail("smtp", f"sending to {rcpt} via 127.0.0.1:{port} (TLS: {mode or 'none'}) failed: {e!r}")

deadline, found = time.time() + 10, {}
while time.time() < deadline and len(found) < len(tokens):
    for sub in ("new", "cur"):
        d = os.path.join(maildir, sub)
        for name in (os.listdir(d) if os.path.isdir(d) else []):
            data = open(os.path.join(d, name), "rb").read()
            for token in tokens:
                if token.encode() in data:
                    found[token] = data
    time.sleep(0.05)
for (port, mode, rcpt, want, forged), token in zip(probes, tokens):
    if token not in found:
        fail("delivery", f"probe message to {rcpt} via port {port} not in {maildir}/new after 10 s")
    msg = email.parser.BytesParser(policy=email.policy.compat32).parsebytes(found[token], headersonly=True)
    ars = [" ".join(v.split()) for v in msg.get_all("Authentication-Results") or []]
    if not ars or ars[0] != want:
        fail("delivery", f"via port {port}: top-most Authentication-Results is {ars[:1]}, want [{want!r}] (all: {ars})")
    if forged not in ars[1:]:
        fail("delivery", f"via port {port}: the client's forged Authentication-Results is not below ours (all: {ars})")
    received = " ".join(" ".join(v.split()) for v in msg.get_all("Received") or [])
    if (mode is not None) != ("using TLS" in received):
        fail("delivery", f"via port {port} (TLS: {mode or 'none'}): Postfix's Received header is {received!r}")
token = tokens[0]

try:
    m = imaplib.IMAP4("127.0.0.1", imap_port, timeout=10)
except Exception as e:
    fail("imap", f"connect to 127.0.0.1:{imap_port} failed: {e!r}")
try:
    m.login("probe@rt.test", password)
    typ, data = m.select("INBOX")
    if typ != "OK" or int(data[0]) < 1:
        fail("imap", f"SELECT INBOX: {typ} {data}")
    typ, data = m.uid("SEARCH", None, "SUBJECT", token)
    uids = data[0].split()
    if typ != "OK" or len(uids) != 1:
        fail("imap", f"SEARCH for the probe: {typ} {data}")
    typ, data = m.uid("FETCH", uids[0], "(RFC822)")
    if typ != "OK" or token.encode() not in data[0][1]:
        fail("imap", f"FETCH of the probe: {typ}")
    typ, data = m.create("Handled")
    if typ != "OK":
        fail("imap", f"CREATE Handled: {typ} {data}")
    typ, data = m.capability()  # after login: the greeting's list is the pre-auth one
    if typ != "OK" or b" MOVE" not in data[0]:
        fail("imap", f"server lacks MOVE: {typ} {data}")
    typ, data = m.uid("MOVE", uids[0], "Handled")
    if typ != "OK":
        fail("imap", f"UID MOVE to Handled: {typ} {data}")
    typ, data = m.status("Handled", "(MESSAGES)")
    if typ != "OK" or b"MESSAGES 1" not in data[0]:
        fail("imap", f"STATUS Handled after MOVE: {typ} {data}")
    m.logout()
except imaplib.IMAP4.error as e:
    fail("imap", f"{e!r}")

for mode, port in (("implicit", imaps_port), ("starttls", imap_port)):
    try:
        if mode == "implicit":
            m = imaplib.IMAP4_SSL("127.0.0.1", port, ssl_context=tls, timeout=10)
        else:
            m = imaplib.IMAP4("127.0.0.1", port, timeout=10)
            m.starttls(ssl_context=tls)
        m.login("probe@rt.test", password)
        typ, data = m.select("Handled")
        if typ != "OK" or int(data[0]) != 1:
            fail("imap", f"over TLS ({mode}, port {port}): SELECT Handled: {typ} {data}")
        m.logout()
    except (OSError, imaplib.IMAP4.error) as e:
        fail("imap", f"over TLS ({mode}, port {port}): {e!r}")
PY
}

# ---------------------------------------------------------------------------------------------
# up / down
# ---------------------------------------------------------------------------------------------

cmd_up() {
    DIR=$1
    [[ $(id -u) -eq 0 ]] || die "up: must run as root (Postfix and Dovecot start as root and drop to their users)"
    local missing
    missing=$(missing_packages)
    [[ -z "$missing" ]] || die "up: missing packages: $missing (run: $0 install)"
    if [[ -e "$DIR" && -n "$(ls -A "$DIR" 2>/dev/null)" ]]; then
        die "up: $DIR exists and is not empty (a running stack? run: $0 down $DIR)"
    fi
    mkdir -p "$DIR"
    DIR=$(cd "$DIR" && pwd -P) # absolute: Postfix and Dovecot need absolute paths
    # Unix socket paths are limited to 107 bytes, and Dovecot's and PostgreSQL's live in DIR.
    if ((${#DIR} > 60)); then
        rmdir "$DIR" 2>/dev/null || true
        die "up: $DIR is too long (${#DIR} > 60 characters) for the unix sockets inside it; use a short path such as /tmp/rt-stack"
    fi
    {
        echo "roundtable test stack; remove with: $0 down $DIR"
        if [[ -n "${RT_STACK_OWNER:-}" ]]; then echo "owner $RT_STACK_OWNER"; fi
    } >"$DIR/$MARKER"
    # Dovecot's mail processes (vmail), Postfix's lmtp client (postfix, to reach the socket) and
    # PostgreSQL (postgres) must all be able to walk into DIR; mktemp -d makes it 0700.
    chmod 755 "$DIR"
    # If `up` itself is interrupted, stop what it started.
    trap 'log "up interrupted"; stop_all "$DIR" || true; exit 130' INT TERM

    ensure_vmail_user
    local uid gid
    uid=$(id -u "$VMAIL_USER")
    gid=$(id -g "$VMAIL_USER")
    mkdir -p "$DIR/mail/$MAIL_DOMAIN"
    chown -R "$uid:$gid" "$DIR/mail"

    read -r RT_SMTP_PORT RT_SMTP_TRUSTED_PORT RT_IMAP_PORT RT_PG_PORT \
        RT_SMTPS_PORT RT_SMTP_STARTTLS_PORT RT_IMAPS_PORT <<<"$(free_ports 7)"

    make_certs
    write_postfix_config "$RT_SMTP_PORT" "$RT_SMTP_TRUSTED_PORT" "$RT_SMTPS_PORT" "$RT_SMTP_STARTTLS_PORT"
    write_dovecot_config "$RT_IMAP_PORT" "$RT_IMAPS_PORT" "$uid" "$gid"
    # Start all three, then wait: overlapping the start-ups keeps `up` short.
    start_postfix
    start_dovecot
    start_postgres "$RT_PG_PORT"
    wait_port "$RT_SMTP_PORT" postfix 15 || fail_up "Postfix smtpd not listening on 127.0.0.1:$RT_SMTP_PORT after 15 s" postfix
    wait_port "$RT_SMTP_TRUSTED_PORT" postfix 15 ||
        fail_up "Postfix trusted smtpd not listening on 127.0.0.1:$RT_SMTP_TRUSTED_PORT after 15 s" postfix
    wait_port "$RT_IMAP_PORT" dovecot 15 || fail_up "Dovecot not listening on 127.0.0.1:$RT_IMAP_PORT after 15 s" dovecot
    local p
    for p in "$RT_SMTPS_PORT" "$RT_SMTP_STARTTLS_PORT"; do
        wait_port "$p" postfix 15 || fail_up "Postfix TLS smtpd not listening on 127.0.0.1:$p after 15 s" postfix
    done
    wait_port "$RT_IMAPS_PORT" dovecot 15 || fail_up "Dovecot IMAPS not listening on 127.0.0.1:$RT_IMAPS_PORT after 15 s" dovecot

    local problem
    if ! problem=$(mail_self_check 2>&1); then
        case $problem in
        imap*) fail_up "self-check: $problem" dovecot ;;
        *) fail_up "self-check: $problem" postfix dovecot ;;
        esac
    fi
    local one
    one=$(psql -X -q -At -h 127.0.0.1 -p "$RT_PG_PORT" -U "$PG_ROLE" -d postgres -c 'SELECT 1' </dev/null 2>&1) ||
        fail_up "self-check: psql SELECT 1 failed: $one" postgres
    [[ "$one" == 1 ]] || fail_up "self-check: psql SELECT 1 returned '$one'" postgres

    {
        echo "# roundtable test stack in $DIR — source this file; stop with: $0 down $DIR"
        printf 'export RT_STACK_DIR=%q\n' "$DIR"
        printf 'export RT_MAIL_DOMAIN=%q\n' "$MAIL_DOMAIN"
        printf 'export RT_SMTP_PORT=%q\n' "$RT_SMTP_PORT"
        printf 'export RT_SMTP_TRUSTED_PORT=%q\n' "$RT_SMTP_TRUSTED_PORT"
        printf 'export RT_AUTHSERV_ID=%q\n' "$AUTHSERV_ID"
        printf 'export RT_IMAP_PORT=%q\n' "$RT_IMAP_PORT"
        printf 'export RT_IMAP_PASSWORD=%q\n' "$IMAP_PASSWORD"
        printf 'export RT_MAILDIR_BASE=%q\n' "$DIR/mail/$MAIL_DOMAIN"
        printf 'export RT_PG_URL=%q\n' "postgres://$PG_ROLE@127.0.0.1:$RT_PG_PORT/postgres"
        # TLS (see the top of scripts/stack.sh): STARTTLS for IMAP is on RT_IMAP_PORT.
        printf 'export RT_TLS_CA_FILE=%q\n' "$DIR/tls/ca.pem"
        printf 'export RT_SMTPS_PORT=%q\n' "$RT_SMTPS_PORT"
        printf 'export RT_SMTP_STARTTLS_PORT=%q\n' "$RT_SMTP_STARTTLS_PORT"
        printf 'export RT_IMAPS_PORT=%q\n' "$RT_IMAPS_PORT"
    } >"$DIR/env.tmp"
    mv "$DIR/env.tmp" "$DIR/env" # tests never see a half-written env
    trap - INT TERM
    log "up: $DIR ready — smtp 127.0.0.1:$RT_SMTP_PORT (dmarc=none), 127.0.0.1:$RT_SMTP_TRUSTED_PORT (dmarc=pass for $MAIL_DOMAIN), imap 127.0.0.1:$RT_IMAP_PORT (STARTTLS), smtps 127.0.0.1:$RT_SMTPS_PORT, smtp+STARTTLS 127.0.0.1:$RT_SMTP_STARTTLS_PORT, imaps 127.0.0.1:$RT_IMAPS_PORT (CA $DIR/tls/ca.pem), postgres 127.0.0.1:$RT_PG_PORT; source $DIR/env"
}

# proc_alive PID: PID is a running process.
proc_alive() {
    [[ -n "$1" ]] && kill -0 "$1" 2>/dev/null || return 1
    # A zombie (exited, not yet reaped by PID 1) counts as gone.
    local stat
    stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
    stat=${stat##*) } # fields after "(comm)"; the first is the state
    [[ "${stat%% *}" != Z ]]
}

# pid_of PIDFILE: the pid in PIDFILE (Postfix pads it with spaces); nothing if there is none.
pid_of() {
    { head -n1 "$1" | tr -dc 0-9; } 2>/dev/null || true
}

# pid_alive PIDFILE: the pid in PIDFILE is a running process.
pid_alive() {
    proc_alive "$(pid_of "$1")"
}

# stop_dovecot_processes PORT: stops what is left of the stack's Dovecot whose IMAP port is
# PORT (process titles "dovecot-rt-stack-PORT/…", see instance_name) once its master is gone.
# An imap process outlives its master as long as its client stays connected (a session goes
# on through a master restart; on shutdown it lingers for seconds), and the log and stats
# processes stay with it. SIGTERM, a bounded wait, SIGKILL for any still running. Prints how
# many there were.
stop_dovecot_processes() {
    local port=$1 p title left=() alive=()
    for p in /proc/[0-9]*; do
        # The title is the first NUL-terminated string; `read` (a builtin) keeps the scan
        # of a few hundred processes well under 0.1 s.
        title=
        { read -r -d '' title <"$p/cmdline"; } 2>/dev/null || true
        [[ "$title" == "dovecot-rt-stack-$port/"* ]] && left+=("${p#/proc/}")
    done
    if ((${#left[@]})); then
        kill -TERM "${left[@]}" 2>/dev/null || true
        for _ in $(seq 1 50); do # bounded: 5 s, then SIGKILL
            alive=()
            for p in "${left[@]}"; do proc_alive "$p" && alive+=("$p"); done
            ((${#alive[@]})) || break
            sleep 0.1
        done
        if ((${#alive[@]})); then
            kill -KILL "${alive[@]}" 2>/dev/null || true
        fi
    fi
    echo "${#left[@]}"
}

# wait_gone PIDFILE SECONDS: bounded wait for the process to exit; SIGKILL it after that.
wait_gone() {
    local pidfile=$1 tries=$(($2 * 10)) pid
    while ((tries-- > 0)); do
        pid_alive "$pidfile" || return 0
        sleep 0.1
    done
    pid=$(pid_of "$pidfile")
    [[ -n "$pid" ]] || return 0
    log "down: pid $pid ($pidfile) still running after ${2}s; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
}

stop_all() {
    local dir=$1 bin
    local pf_pid=$dir/postfix-queue/pid/master.pid
    local dc_pid=$dir/dovecot/run/master.pid
    local pg_pid=$dir/pg/data/postmaster.pid
    # Signal all three first, then wait for them together: each takes up to ~1 s to exit.
    # Postfix: SIGTERM to the master, which passes it on to its children and exits. That is
    # all `postfix stop` does too, but it then polls in whole seconds (1 s at least), before
    # the other two would even be signalled.
    if pid_alive "$pf_pid"; then
        kill -TERM "$(pid_of "$pf_pid")" 2>/dev/null || true
    fi
    # Dovecot: SIGTERM to the master in base_dir/master.pid. (`doveadm stop` does the same but
    # then polls in whole seconds: ~3 s instead of ~1 s.)
    if pid_alive "$dc_pid"; then
        kill -TERM "$(pid_of "$dc_pid")" 2>/dev/null || true
    fi
    # PostgreSQL: fast shutdown (SIGINT to the postmaster is the same thing).
    if pid_alive "$pg_pid"; then
        if bin=$(pg_bindir); then
            as_postgres "$bin/pg_ctl" -D "$dir/pg/data" -m fast -W stop \
                </dev/null >>"$dir/postgres.log" 2>&1 || true
        else
            kill -INT "$(pid_of "$pg_pid")" 2>/dev/null || true
        fi
    fi
    wait_gone "$pf_pid" 15
    wait_gone "$dc_pid" 15
    wait_gone "$pg_pid" 15
    # Dovecot's sessions whose clients are still connected outlive the master: stop them too,
    # so that nothing of the stack keeps running in a directory about to be removed.
    local port
    port=$(sed -n 's/^instance_name = rt-stack-//p' "$dir/dovecot.conf" 2>/dev/null) || true
    if [[ -n "$port" ]]; then
        stop_dovecot_processes "$port" >/dev/null
    fi
}

# remove_dir DIR: rm -rf, its files unlinked in parallel first. After a test run the stack
# holds ~11,000 files (each of the ~34 test databases is a copy of template1, ~300 files)
# whose data has reached the disk, and on a disk mounted with `discard` each unlink then
# waits for the disk: one by one that took 6-23 s on the 2-core test machine, in parallel
# under 1 s.
remove_dir() {
    find "$1" -xdev -type f -print0 2>/dev/null | xargs -0 -r -n 100 -P 16 rm -f -- 2>/dev/null || true
    rm -rf -- "$1"
}

cmd_down() {
    local dir=$1
    if [[ ! -e "$dir" ]]; then
        log "down: $dir does not exist; nothing to do"
        return 0
    fi
    dir=$(cd "$dir" && pwd -P)
    if [[ ! -f "$dir/$MARKER" ]]; then
        die "down: $dir has no $MARKER marker: not a stack made by '$0 up'; refusing to touch it"
    fi
    local t0=$EPOCHREALTIME
    stop_all "$dir"
    if [[ "${RT_KEEP_STACK:-0}" == 1 ]]; then
        log "down: stopped; kept $dir (RT_KEEP_STACK=1)"
    else
        remove_dir "$dir"
        log "down: stopped and removed $dir ($(elapsed "$t0"))"
    fi
}

# ---------------------------------------------------------------------------------------------
# restart one service (fault tests: the daemon must reconnect and carry on)
# ---------------------------------------------------------------------------------------------

# restart_dir DIR: DIR as an absolute path, checked to be a running stack made by `up`.
restart_dir() {
    [[ -d "$1" ]] || die "restart: $1 does not exist"
    DIR=$(cd "$1" && pwd -P)
    [[ -f "$DIR/$MARKER" && -f "$DIR/env" ]] || die "restart: $DIR is not a stack made by '$0 up' (no $MARKER or env)"
    [[ $(id -u) -eq 0 ]] || die "restart: must run as root, as 'up' did"
}

# restart_fail WHAT SERVICE: report with the service's log; the rest of the stack keeps running.
restart_fail() {
    log "restart FAILED: $1"
    tail_log "$DIR/$2.log" "$2 log"
    exit 1
}

cmd_restart_dovecot() { # DIR SECONDS
    restart_dir "$1"
    local down=$2 pidfile=$DIR/dovecot/run/master.pid port
    port=$(sed -n 's/^export RT_IMAP_PORT=//p' "$DIR/env")
    local imaps_port
    imaps_port=$(sed -n 's/^export RT_IMAPS_PORT=//p' "$DIR/env")
    pid_alive "$pidfile" || die "restart-dovecot: Dovecot of $DIR is not running (pid file $pidfile)"
    kill -TERM "$(pid_of "$pidfile")" 2>/dev/null || true
    wait_gone "$pidfile" 15
    # Dovecot's imap processes outlive their master (a client's session goes on through a
    # master restart), which would make this no fault at all for a connected client. Stop the
    # ones of this instance, so that connected clients lose their sessions as in a real outage.
    local left
    left=$(stop_dovecot_processes "$port")
    log "restart-dovecot: stopped (and $left leftover process(es)); down for ${down}s"
    sleep "$down"
    $DOVECOT -c "$DIR/dovecot.conf" </dev/null >>"$DIR/dovecot.log" 2>&1 ||
        restart_fail "dovecot failed to start again (config $DIR/dovecot.conf)" dovecot
    wait_port "$port" dovecot 15 || restart_fail "Dovecot not listening on 127.0.0.1:$port 15 s after the restart" dovecot
    if [[ -n "$imaps_port" ]]; then # a stack from before TLS has none
        wait_port "$imaps_port" dovecot 15 || restart_fail "Dovecot IMAPS not listening on 127.0.0.1:$imaps_port 15 s after the restart" dovecot
    fi
    log "restart-dovecot: $DIR Dovecot is back on 127.0.0.1:$port"
}

cmd_restart_postgres() { # DIR SECONDS
    restart_dir "$1"
    local down=$2 bin url port data
    data=$DIR/pg/data
    bin=$(pg_bindir) || die "restart-postgres: no PostgreSQL server binaries (run: $0 install)"
    url=$(sed -n 's/^export RT_PG_URL=//p' "$DIR/env")
    port=${url##*:}
    port=${port%%/*}
    pid_alive "$data/postmaster.pid" || die "restart-postgres: PostgreSQL of $DIR is not running"
    # Fast shutdown: open sessions are terminated, as in a real restart.
    as_postgres "$bin/pg_ctl" -D "$data" -m fast -w -t 30 stop </dev/null >>"$DIR/postgres.log" 2>&1 ||
        restart_fail "pg_ctl stop failed" postgres
    log "restart-postgres: stopped; down for ${down}s"
    sleep "$down"
    as_postgres "$bin/pg_ctl" -D "$data" -l "$DIR/postgres.log" -w -t 30 start </dev/null >>"$DIR/postgres.log" 2>&1 ||
        restart_fail "pg_ctl start failed" postgres
    for _ in $(seq 1 100); do
        if pg_isready -q -h 127.0.0.1 -p "$port" </dev/null; then
            log "restart-postgres: $DIR PostgreSQL is back on 127.0.0.1:$port"
            return 0
        fi
        sleep 0.1
    done
    restart_fail "PostgreSQL not ready on 127.0.0.1:$port 10 s after the restart" postgres
}

elapsed() { # seconds since EPOCHREALTIME value $1, e.g. "2.3 s"
    awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f s", b - a }'
}

main() {
    local cmd=${1:-}
    case $cmd in
    install) cmd_install ;;
    up)
        [[ $# -eq 2 && -n "$2" ]] || usage
        local t0=$EPOCHREALTIME
        cmd_up "$2"
        log "up took $(elapsed "$t0")"
        ;;
    down)
        [[ $# -eq 2 && -n "$2" ]] || usage
        cmd_down "$2"
        ;;
    restart-dovecot | restart-postgres)
        [[ ($# -eq 2 || $# -eq 3) && -n "$2" ]] || usage
        [[ "${3:-0}" =~ ^[0-9]+(\.[0-9]+)?$ ]] || die "$cmd: SECONDS must be a number, not '${3}'"
        "cmd_${cmd//-/_}" "$2" "${3:-0}"
        ;;
    *) usage ;;
    esac
}

main "$@"
