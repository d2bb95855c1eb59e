# Traffic for collect.sh: every request and statement is written to OUTDIR/manifest.tsv.

MARKER=0
next_marker() { MARKER=$((MARKER + 1)); }

# request TARGET METHOD PATH QUERY-PREFIX USER-AGENT [curl options...]
request() {
    local target=$1 method=$2 path=$3 query=$4 ua=$5; shift 5
    local port=$APACHE_PORT version=1.1 marker status
    [ "$target" = haproxy ] && port=$HAPROXY_HTTP
    for arg in "$@"; do [ "$arg" = --http1.0 ] && version=1.0; done
    next_marker; marker=m$MARKER
    query="${query:+$query&}lp=$marker"
    local verb=(-X "$method")
    [ "$method" = HEAD ] && verb=(-I)
    status=$(curl -s -o /dev/null -w '%{http_code}' "${verb[@]}" -A "$ua" "$@" "http://127.0.0.1:$port$path?$query" || true)
    printf 'http\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$marker" "$target" "$method" "$path" "$query" "$version" "$status" "$ua" >> "$OUT/manifest.tsv"
}

drive_http() {
    local browser='Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0'
    for target in apache haproxy; do
        request "$target" GET / "" "$browser"
        request "$target" GET /index.html "utm_source=test&x=%22q%22" "$browser" -e "http://example.test/from"
        request "$target" GET /missing-page "" 'curl/8 "quoted" agent'
        request "$target" HEAD /index.html "" "$browser"
        request "$target" GET /index.html "old=1" "$browser" --http1.0
    done
    for _ in $(seq 1 15); do
        request haproxy POST /wp-login.php "" 'Mozilla/5.0 (compatible; WPScanBot)' --data 'log=admin&pwd=guess'
    done
    for _ in $(seq 1 10); do
        request haproxy POST /xmlrpc.php "" 'XML-RPC bot' --data '<methodCall><methodName>system.listMethods</methodName></methodCall>'
    done
    request haproxy GET /nosrv/x "" 'curl/8'
    # TCP and default-format frontends: one plain HTTP exchange each through mode tcp.
    curl -s -o /dev/null "http://127.0.0.1:$HAPROXY_TCP/?lp=tcp1" || true
    curl -s -o /dev/null "http://127.0.0.1:$HAPROXY_PLAIN/?lp=plain1" || true
}

# raw TARGET BYTES: sends bytes as they are (printf escapes) and closes.
raw() {
    local target=$1 bytes=$2 port=$APACHE_PORT marker
    [ "$target" = haproxy ] && port=$HAPROXY_HTTP
    next_marker; marker=m$MARKER
    printf "$bytes" | nc -q 2 127.0.0.1 "$port" >/dev/null 2>&1 || true
    printf 'raw\t%s\t%s\t%s\n' "$marker" "$target" "$bytes" >> "$OUT/manifest.tsv"
}

drive_raw() {
    raw apache 'GARBAGE\r\n\r\n'
    # A TLS ClientHello sent to the plain-HTTP port (cut short; the newline makes Apache answer at once).
    raw apache '\x16\x03\x01\x00\x2a\x01\x00\x00\x26\x03\x03\n'
    raw apache 'GET /spaces in path HTTP/1.1\r\nHost: x\r\n\r\n'
    raw haproxy 'NOT HTTP AT ALL\r\n\r\n'
}

sql() {
    local db=$1 statement=$2 marker
    next_marker; marker=m$MARKER
    mariadb --comments --socket="$WORK/mysql/mysqld.sock" -uroot "$db" -e "/* lp=$marker */ $statement" >/dev/null
    printf 'sql\t%s\t%s\t%s\n' "$marker" "$db" "$statement" >> "$OUT/manifest.tsv"
}

drive_sql() {
    mariadb --socket="$WORK/mysql/mysqld.sock" -uroot -e "CREATE DATABASE wordpress" >/dev/null
    sql wordpress "CREATE TABLE wp_posts (id INT PRIMARY KEY AUTO_INCREMENT, title VARCHAR(200), body TEXT)"
    sql wordpress "INSERT INTO wp_posts (title, body) VALUES ('hello', 'first post'), ('second', 'more text')"
    sql wordpress "SELECT id, title FROM wp_posts WHERE title LIKE '%ell%'"
    sql wordpress "SELECT SLEEP(0.3)"
    sql wordpress "UPDATE wp_posts SET body = 'edited' WHERE id = 2"
    sql mysql "SELECT COUNT(*) FROM user"
    # A failed login shows up in the error log (log_warnings=4).
    mariadb --socket="$WORK/mysql/mysqld.sock" -unobody -pwrong -e "SELECT 1" >/dev/null 2>&1 || true
}
