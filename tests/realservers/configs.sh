# Configuration files for collect.sh; each function prints one to stdout. Uses WORK, OUT and the *_PORT variables.

write_rsyslog_conf() {
    cat <<CONF
global(workDirectory="$WORK")
module(load="imudp")
input(type="imudp" address="127.0.0.1" port="$SYSLOG_PORT")
# The three shapes a log shipper meets: RFC 3164 as Debian wrote it for years, rsyslog's current default
# (RFC 3339 stamps), and RFC 5424.
local0.* action(type="omfile" file="$OUT/haproxy.log" template="RSYSLOG_TraditionalFileFormat")
local0.* action(type="omfile" file="$OUT/haproxy-iso.log" template="RSYSLOG_FileFormat")
local0.* action(type="omfile" file="$OUT/haproxy-rfc5424.log" template="RSYSLOG_SyslogProtocol23Format")
CONF
}

write_apache_conf() {
    cat <<CONF
ServerRoot /etc/apache2
ServerName localhost
PidFile $WORK/apache-run/apache2.pid
Mutex file:$WORK/apache-run default
Listen 127.0.0.1:$APACHE_PORT
User www-data
Group www-data
LoadModule mpm_event_module /usr/lib/apache2/modules/mod_mpm_event.so
LoadModule authz_core_module /usr/lib/apache2/modules/mod_authz_core.so
LoadModule dir_module /usr/lib/apache2/modules/mod_dir.so
LoadModule mime_module /usr/lib/apache2/modules/mod_mime.so
TypesConfig /etc/mime.types
DocumentRoot $WORK/www
DirectoryIndex index.html
<Directory $WORK/www>
    Require all granted
</Directory>
ErrorLog $OUT/apache-error.log
LogLevel info
LogFormat "%h %l %u %t \"%r\" %>s %O \"%{Referer}i\" \"%{User-Agent}i\"" combined
LogFormat "%v:%p %h %l %u %t \"%r\" %>s %O \"%{Referer}i\" \"%{User-Agent}i\"" vhost_combined
LogFormat "%h %l %u %t \"%r\" %>s %b \"%{Referer}i\" \"%{User-Agent}i\" %D" combined_duration
LogFormat "%h %l %u %t \"%r\" %>s %b" common
CustomLog $OUT/apache-access.log combined
CustomLog $OUT/apache-vhost.log vhost_combined
CustomLog $OUT/apache-duration.log combined_duration
CustomLog $OUT/apache-common.log common
CONF
}

write_haproxy_conf() {
    cat <<CONF
global
    log 127.0.0.1:$SYSLOG_PORT local0

defaults
    log global
    option dontlognull
    timeout connect 5s
    timeout client 10s
    timeout server 10s

frontend fe_http
    mode http
    option httplog
    bind 127.0.0.1:$HAPROXY_HTTP
    capture request header Host len 64
    capture request header User-Agent len 128
    use_backend be_empty if { path_beg /nosrv }
    default_backend be_apache

frontend fe_tcp
    mode tcp
    option tcplog
    bind 127.0.0.1:$HAPROXY_TCP
    default_backend be_apache_tcp

frontend fe_plain
    mode tcp
    bind 127.0.0.1:$HAPROXY_PLAIN
    default_backend be_apache_tcp

backend be_apache
    mode http
    server apache1 127.0.0.1:$APACHE_PORT

backend be_apache_tcp
    mode tcp
    server apache1 127.0.0.1:$APACHE_PORT

backend be_empty
    mode http
CONF
}
