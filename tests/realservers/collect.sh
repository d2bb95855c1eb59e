#!/usr/bin/env bash
# Starts real apache2, haproxy (logging through rsyslog) and mariadbd on loopback, each with its own config in a temp
# dir, drives traffic at them, stops them, and leaves their logs plus a manifest of what was sent in OUTDIR.
# Needs root (apache2 and mariadbd drop to their users) and the Debian packages:
#   apache2 haproxy rsyslog mariadb-server curl netcat-openbsd
# No systemd: every daemon runs from this script and is stopped by its pid.
#
# Manifest (OUTDIR/manifest.tsv), one line per request or statement:
#   http  <marker> <target> <method> <path> <query> <http_version> <status> <user_agent>
#   raw   <marker> <target> <bytes sent, printf-escaped>
#   sql   <marker> <database> <statement>
# <target> is "apache" (direct) or "haproxy" (through the proxy to apache). Markers are unique query values
# (lp=<marker>) or SQL comments, so tests find the log line of each request.
set -euo pipefail

OUT=${1:?usage: collect.sh OUTDIR}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
WORK=$(mktemp -d /tmp/logpipeline-realservers.XXXXXX)
chmod 755 "$WORK"

fail() { echo "collect.sh: $*" >&2; exit 1; }
for bin in apache2 haproxy rsyslogd mariadbd mariadb-install-db mariadb mariadb-admin curl nc; do
    command -v "$bin" >/dev/null || fail "'$bin' not found: apt-get install apache2 haproxy rsyslog mariadb-server curl netcat-openbsd"
done
[ "$(id -u)" = 0 ] || fail "run as root (apache2 and mariadbd switch to their service users)"

# Polls a condition with a deadline instead of sleeping a fixed time.
wait_for() { # seconds, description, command...
    local deadline=$((SECONDS + $1)) what=$2; shift 2
    until "$@"; do
        [ $SECONDS -lt $deadline ] || fail "timed out waiting for $what"
        sleep 0.1
    done
}

free_port() {
    local port
    while :; do
        port=$((20000 + RANDOM % 40000))
        nc -z 127.0.0.1 "$port" 2>/dev/null || { echo "$port"; return; }
    done
}

PIDS=()
cleanup() {
    # apache2 and haproxy daemonise: stop them by their pid files if the script stopped half-way.
    for pidfile in "$WORK/apache-run/apache2.pid" "$WORK/haproxy.pid"; do
        [ -f "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null || true
    done
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    rm -rf "$WORK"
}
trap cleanup EXIT

APACHE_PORT=$(free_port); HAPROXY_HTTP=$(free_port); HAPROXY_TCP=$(free_port); HAPROXY_PLAIN=$(free_port)
SYSLOG_PORT=$(free_port); MYSQL_PORT=$(free_port)
# shellcheck source=configs.sh
source "$(dirname "$0")/configs.sh"

# --- rsyslog: receives HAProxy's UDP syslog, writes RFC 3164, ISO-stamped and RFC 5424 files ---
write_rsyslog_conf > "$WORK/rsyslog.conf"
rsyslogd -n -f "$WORK/rsyslog.conf" -i "$WORK/rsyslog.pid" &
PIDS+=($!)
RSYSLOG_PID=$!

# --- apache2 ---
mkdir -p "$WORK/www" "$WORK/apache-run"
echo '<html><body>home</body></html>' > "$WORK/www/index.html"
echo 'login form' > "$WORK/www/wp-login.php"
echo 'xmlrpc' > "$WORK/www/xmlrpc.php"
chmod -R a+rX "$WORK/www"
write_apache_conf > "$WORK/apache2.conf"
apache2 -f "$WORK/apache2.conf" -k start
wait_for 15 "apache2 on $APACHE_PORT" nc -z 127.0.0.1 "$APACHE_PORT"

# --- haproxy ---
write_haproxy_conf > "$WORK/haproxy.cfg"
haproxy -f "$WORK/haproxy.cfg" -D -p "$WORK/haproxy.pid"
wait_for 15 "haproxy on $HAPROXY_HTTP" nc -z 127.0.0.1 "$HAPROXY_HTTP"

# --- mariadbd ---
mkdir -p "$WORK/mysql"
chown mysql:mysql "$WORK/mysql"
mariadb-install-db --no-defaults --user=mysql --datadir="$WORK/mysql/data" --auth-root-authentication-method=socket >"$WORK/install-db.log" 2>&1 \
    || { cat "$WORK/install-db.log" >&2; fail "mariadb-install-db failed"; }
touch "$OUT/mysql-error.log" "$OUT/mysql-slow.log"
chown mysql:mysql "$OUT/mysql-error.log" "$OUT/mysql-slow.log"
mariadbd --no-defaults --user=mysql --datadir="$WORK/mysql/data" --socket="$WORK/mysql/mysqld.sock" \
    --port="$MYSQL_PORT" --bind-address=127.0.0.1 --pid-file="$WORK/mysql/mysqld.pid" \
    --log-error="$OUT/mysql-error.log" --log-warnings=4 \
    --slow-query-log=1 --slow-query-log-file="$OUT/mysql-slow.log" --long-query-time=0 \
    --log-slow-verbosity=query_plan,explain &
PIDS+=($!)
wait_for 60 "mariadbd socket" test -S "$WORK/mysql/mysqld.sock"

# shellcheck source=traffic.sh
source "$(dirname "$0")/traffic.sh"
: > "$OUT/manifest.tsv"
drive_http
drive_raw
drive_sql

# --- stop everything, then wait until the logs are complete ---
mariadb-admin --socket="$WORK/mysql/mysqld.sock" -uroot shutdown
apache2 -f "$WORK/apache2.conf" -k stop
kill -USR1 "$(cat "$WORK/haproxy.pid")"
wait_for 30 "apache2 to stop" bash -c "! nc -z 127.0.0.1 $APACHE_PORT"
wait_for 30 "haproxy to stop" bash -c "! nc -z 127.0.0.1 $HAPROXY_HTTP"
rm -f "$WORK/haproxy.pid" # stopped: the pid may be reused, cleanup must not signal it
expected=$(grep -c -E '^(http	[^	]*	haproxy|raw	[^	]*	haproxy)' "$OUT/manifest.tsv" || true)
wait_for 30 "rsyslog to write $expected HAProxy request lines" bash -c "[ \$(grep -c 'lp=\\|BADREQ' '$OUT/haproxy.log' || true) -ge $expected ]"
wait_for 60 "mariadbd to stop" bash -c "grep -q 'Shutdown complete' '$OUT/mysql-error.log'"
kill "$RSYSLOG_PID"
wait "$RSYSLOG_PID" 2>/dev/null || true
echo "collect.sh: logs in $OUT" >&2
