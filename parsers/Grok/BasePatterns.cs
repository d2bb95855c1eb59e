namespace LogPipeline.Parsers.Grok;

/// <summary>
/// Our base grok library. The names are the ones Logstash users know; the expressions are written here from the
/// formats' definitions (RFC 3986 for URIs, RFC 3164/5424 for syslog, the servers' manuals for their stamps).
/// Composite patterns capture straight into ECS field names.
/// </summary>
internal static class BasePatterns
{
    public const string Text = """
        # Words and numbers
        WORD \b\w+\b
        NOTSPACE \S+
        SPACE \s*
        DATA .*?
        GREEDYDATA .*
        INT [+-]?[0-9]+
        POSINT \b[1-9][0-9]*\b
        NONNEGINT \b[0-9]+\b
        BASE10NUM [+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)
        NUMBER %{BASE10NUM}
        BASE16NUM [+-]?(?:0[xX])?[0-9A-Fa-f]+
        QUOTEDSTRING (?>"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`)
        QS %{QUOTEDSTRING}
        UUID [A-Fa-f0-9]{8}-(?:[A-Fa-f0-9]{4}-){3}[A-Fa-f0-9]{12}
        USERNAME [a-zA-Z0-9._-]+
        USER %{USERNAME}
        EMAILLOCALPART [a-zA-Z0-9!#$&'*+/=?^_`{|}~.-]+
        EMAILADDRESS %{EMAILLOCALPART}@%{HOSTNAME}

        # Networks
        IPV4OCTET (?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])
        IPV4 (?<![0-9])%{IPV4OCTET}(?:\.%{IPV4OCTET}){3}(?![0-9])
        IPV6HEX [0-9A-Fa-f]{1,4}
        IPV6 (?:(?:%{IPV6HEX}:){7}%{IPV6HEX}|(?:%{IPV6HEX}:){6}%{IPV4}|(?=[0-9A-Fa-f:.]*::)(?:%{IPV6HEX}(?::%{IPV6HEX}){0,6})?::(?:(?:%{IPV6HEX}:){0,5}%{IPV4}|%{IPV6HEX}(?::%{IPV6HEX}){0,6})?)(?:%[0-9A-Za-z.]+)?
        IP (?:%{IPV4}|%{IPV6})
        HOSTNAME \b[0-9A-Za-z](?:[0-9A-Za-z_-]{0,62})(?:\.[0-9A-Za-z](?:[0-9A-Za-z_-]{0,62}))*\.?
        HOST %{HOSTNAME}
        IPORHOST (?:%{IP}|%{HOSTNAME})
        HOSTPORT %{IPORHOST}:%{POSINT}
        MAC (?:[0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}|(?:[0-9A-Fa-f]{4}\.){2}[0-9A-Fa-f]{4}

        # Paths and URIs
        UNIXPATH (?:/[^/\s]*)+
        WINPATH (?:[A-Za-z]+:|\\)(?:\\[^\\?*]*)+
        PATH (?:%{UNIXPATH}|%{WINPATH})
        URIPROTO [A-Za-z][A-Za-z0-9+.-]*
        URIHOST %{IPORHOST}(?::%{POSINT})?
        URIPATH (?:/[A-Za-z0-9$.+!*'(){},~:;=@#%&_|\[\]-]*)+
        URIQUERY [^\s#]*
        URIPARAM \?%{URIQUERY}
        URIPATHPARAM %{URIPATH}(?:\?%{URIQUERY})?
        URI %{URIPROTO}://(?:[^@/\s]+@)?%{URIHOST}?(?:%{URIPATHPARAM})?

        # Dates and times
        MONTH \b(?:[Jj]an(?:uary)?|[Ff]eb(?:ruary)?|[Mm]ar(?:ch)?|[Aa]pr(?:il)?|[Mm]ay|[Jj]une?|[Jj]uly?|[Aa]ug(?:ust)?|[Ss]ep(?:t(?:ember)?)?|[Oo]ct(?:ober)?|[Nn]ov(?:ember)?|[Dd]ec(?:ember)?)\b
        MONTHNUM (?:0?[1-9]|1[0-2])
        MONTHNUM2 (?:0[1-9]|1[0-2])
        MONTHDAY (?:0[1-9]|[12][0-9]|3[01]|[1-9])
        DAY (?:Mon(?:day)?|Tue(?:sday)?|Wed(?:nesday)?|Thu(?:rsday)?|Fri(?:day)?|Sat(?:urday)?|Sun(?:day)?)
        YEAR (?:[0-9]{4}|[0-9]{2})
        HOUR (?:2[0-3]|[01]?[0-9])
        MINUTE [0-5][0-9]
        SECOND (?:[0-5]?[0-9]|60)(?:[.,][0-9]+)?
        TIME (?<![0-9])%{HOUR}:%{MINUTE}(?::%{SECOND})?(?![0-9])
        DATE_US %{MONTHNUM}[/-]%{MONTHDAY}[/-]%{YEAR}
        DATE_EU %{MONTHDAY}[./-]%{MONTHNUM}[./-]%{YEAR}
        DATE (?:%{DATE_US}|%{DATE_EU})
        DATESTAMP %{DATE}[- ]%{TIME}
        TZ (?:[A-Z]{3,4}|UTC)
        ISO8601_TIMEZONE (?:Z|[+-]%{HOUR}(?::?%{MINUTE})?)
        ISO8601_SECOND %{SECOND}
        TIMESTAMP_ISO8601 %{YEAR}-%{MONTHNUM}-%{MONTHDAY}[T ] ?%{HOUR}:?%{MINUTE}(?::?%{SECOND})?%{ISO8601_TIMEZONE}?
        HTTPDATE %{MONTHDAY}/%{MONTH}/%{YEAR}:%{TIME} %{INT}
        SYSLOGTIMESTAMP %{MONTH} +%{MONTHDAY} %{TIME}
        HTTPDERROR_DATE %{DAY} %{MONTH} %{MONTHDAY} %{TIME} %{YEAR}
        MYSQL_SHORTDATE [0-9]{6} +%{TIME}

        # Levels
        LOGLEVEL (?:[Aa]lert|ALERT|[Tt]race|TRACE|[Dd]ebug|DEBUG|[Nn]otice|NOTICE|[Ii]nfo(?:rmation)?|INFO(?:RMATION)?|[Ww]arn(?:ing)?|WARN(?:ING)?|[Ee]rr(?:or)?|ERR(?:OR)?|[Cc]rit(?:ical)?|CRIT(?:ICAL)?|[Ff]atal|FATAL|[Ss]evere|SEVERE|[Ee]merg(?:ency)?|EMERG(?:ENCY)?|[Ss]ystem|SYSTEM)

        # Syslog
        PROG [\x21-\x5a\x5c\x5e-\x7e]+
        SYSLOGPROG %{PROG:process.name}(?:\[%{POSINT:process.pid:int}\])?
        SYSLOGHOST %{IPORHOST}
        SYSLOGPRI <%{NONNEGINT:log.syslog.priority:int}>
        SYSLOGBASE %{SYSLOGTIMESTAMP:@timestamp} (?:%{SYSLOGHOST:host.hostname} )?%{SYSLOGPROG}:
        SYSLOGLINE %{SYSLOGBASE} %{GREEDYDATA:message}

        # Web servers (ECS field names)
        HTTPDUSER (?:%{EMAILADDRESS}|%{USER})
        HTTPD_REQUEST (?:%{WORD:http.request.method} %{NOTSPACE:url.original}(?: HTTP/%{NUMBER:http.version})?|%{HTTPD_QUOTED})
        HTTPD_COMMONLOG %{IPORHOST:source.address} (?:-|%{HTTPDUSER:apache.access.user.identity}) (?:-|%{HTTPDUSER:user.name}) \[%{HTTPDATE:@timestamp}\] "%{HTTPD_REQUEST}" (?:-|%{INT:http.response.status_code:int}) (?:-|%{INT:http.response.body.bytes:int})
        HTTPD_QUOTED (?:[^"\\]|\\.)*
        HTTPD_COMBINEDLOG %{HTTPD_COMMONLOG} "(?:-|%{HTTPD_QUOTED:http.request.referrer})" "(?:-|%{HTTPD_QUOTED:user_agent.original})"
        COMMONAPACHELOG %{HTTPD_COMMONLOG}
        COMBINEDAPACHELOG %{HTTPD_COMBINEDLOG}
        """;
}
