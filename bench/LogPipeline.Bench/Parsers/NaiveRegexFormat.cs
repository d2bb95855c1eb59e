using System.Globalization;
using System.Text.RegularExpressions;
using LogPipeline.Parsers.Ecs;

namespace LogPipeline.Bench.Parsers;

/// <summary>
/// The baseline: what a straightforward implementation does — one compiled <see cref="Regex"/> with named groups per
/// format, <see cref="DateTimeOffset.ParseExact(string, string, IFormatProvider, DateTimeStyles)"/> for the time, and
/// every group copied to its ECS field (numbers parsed). Group names map to fields by replacing '_' with '.'.
/// </summary>
internal sealed class NaiveRegexFormat(string pattern, string timeFormat, params string[] numericGroups)
{
    private readonly Regex _regex = new(pattern, RegexOptions.Compiled | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.Singleline);
    private readonly HashSet<string> _numeric = [.. numericGroups];

    public static NaiveRegexFormat For(string dataset) => dataset switch
    {
        "apache.access" or "nginx.access" => new(
            """^(?<source__address>\S+) \S+ (?<user__name>\S+) \[(?<time>[^\]]+)\] "(?<http__request__method>[A-Z]+) (?<url__original>\S+) HTTP/(?<http__version>[0-9.]+)" (?<http__response__status_code>\d{3}) (?<http__response__body__bytes>\d+|-)(?: "(?<http__request__referrer>(?:[^"\\]|\\.)*)" "(?<user_agent__original>(?:[^"\\]|\\.)*)")?""",
            "dd/MMM/yyyy:HH:mm:ss zzz", "http__response__status_code", "http__response__body__bytes"),
        "haproxy.log" => new(
            """^(?<syslog>\w{3} +\d+ [\d:]+) (?<host__hostname>\S+) (?<process__name>\w+)\[(?<process__pid>\d+)\]: (?<source__address>[\d.]+):(?<source__port>\d+) \[(?<time>[^\]]+)\] (?<haproxy__frontend_name>\S+) (?<haproxy__backend_name>[^/ ]+)/(?<haproxy__server_name>\S+) (?<haproxy__http__request__time_wait_ms>-?\d+)/(?<haproxy__total_waiting_time_ms>-?\d+)/(?<haproxy__connection_wait_time_ms>-?\d+)/(?<haproxy__http__request__time_wait_without_data_ms>-?\d+)/(?<event__duration>-?\d+) (?<http__response__status_code>\d+) (?<haproxy__bytes_read>\d+) \S+ \S+ (?<haproxy__termination_state>\S+) (?<haproxy__connections__active>\d+)/(?<haproxy__connections__frontend>\d+)/(?<haproxy__connections__backend>\d+)/(?<haproxy__connections__server>\d+)/(?<haproxy__connections__retries>\d+) (?<haproxy__server_queue>\d+)/(?<haproxy__backend_queue>\d+) (?:\{(?<haproxy__http__request__captured_headers>[^}]*)\} )?"(?<http__request__method>\S+) (?<url__original>\S+) HTTP/(?<http__version>[\d.]+)"$""",
            "dd/MMM/yyyy:HH:mm:ss.fff", "source__port", "process__pid", "http__response__status_code", "haproxy__bytes_read", "event__duration", "haproxy__connections__active", "haproxy__connections__frontend", "haproxy__connections__backend", "haproxy__connections__server", "haproxy__connections__retries", "haproxy__server_queue", "haproxy__backend_queue", "haproxy__http__request__time_wait_ms", "haproxy__total_waiting_time_ms", "haproxy__connection_wait_time_ms", "haproxy__http__request__time_wait_without_data_ms"),
        "apache.error" => new(
            """^\[(?<time>[^\]]+)\] \[(?<apache__error__module>\w+):(?<log__level>\w+)\] \[pid (?<process__pid>\d+):tid (?<process__thread__id>\d+)\] \[client (?<source__address>[^\]]+):(?<source__port>\d+)\] (?<error__code>AH\d+): (?<message>.*)$""",
            "ddd MMM dd HH:mm:ss.ffffff yyyy", "process__pid", "process__thread__id", "source__port"),
        "nginx.error" => new(
            """^(?<time>\d{4}/\d\d/\d\d \d\d:\d\d:\d\d) \[(?<log__level>\w+)\] (?<process__pid>\d+)#(?<process__thread__id>\d+): \*(?<nginx__error__connection_id>\d+) (?<message>.*)$""",
            "yyyy/MM/dd HH:mm:ss", "process__pid", "process__thread__id", "nginx__error__connection_id"),
        "mysql.error" => new(
            """^(?<time>\d{4}-\d\d-\d\d [ \d]\d:\d\d:\d\d) (?<mysql__thread_id>\d+) \[(?<log__level>\w+)\] (?<message>.*)$""",
            "yyyy-MM-dd H:mm:ss", "mysql__thread_id"),
        "mysql.slowlog" => new(
            """^# Time: (?<time>\d{6} [ \d]\d:\d\d:\d\d)\n# User@Host: (?<user__name>\w+)\[\w+\] @ (?<source__domain>\S+) \[(?<source__ip>[^\]]*)\]\n# Thread_id: (?<mysql__thread_id>\d+)  Schema: (?<mysql__slowlog__schema>\S*)  QC_hit: \w+\n# Query_time: (?<query_time>[\d.]+)  Lock_time: (?<mysql__slowlog__lock_time__sec>[\d.]+)  Rows_sent: (?<mysql__slowlog__rows_sent>\d+)  Rows_examined: (?<mysql__slowlog__rows_examined>\d+)\n# Rows_affected: (?<mysql__slowlog__rows_affected>\d+)  Bytes_sent: (?<mysql__slowlog__bytes_sent>\d+)\nSET timestamp=\d+;\n(?<mysql__slowlog__query>.*)$""",
            "yyMMdd H:mm:ss", "mysql__thread_id", "mysql__slowlog__rows_sent", "mysql__slowlog__rows_examined", "mysql__slowlog__rows_affected", "mysql__slowlog__bytes_sent"),
        "syslog" => new(
            """^(?<time>\w{3} +\d+ \d\d:\d\d:\d\d) (?<host__hostname>\S+) (?<process__name>[^\[:]+)(?:\[(?<process__pid>\d+)\])?: (?<message>.*)$""",
            "MMM d HH:mm:ss", "process__pid"),
        _ => throw new ArgumentOutOfRangeException(nameof(dataset), dataset, "no baseline for this dataset"),
    };

    public bool Parse(string text, EcsDocument document)
    {
        var match = _regex.Match(text);
        if (!match.Success)
        {
            document.Set("message", text);
            document.AddTag("_grokparsefailure");
            return false;
        }

        document.Set("message", text);
        foreach (Group group in match.Groups)
        {
            if (!group.Success || group.Name == "0" || group.Name == "syslog")
            {
                continue;
            }

            if (group.Name == "time")
            {
                var time = group.Value.Replace("  ", " ", StringComparison.Ordinal);
                document.Timestamp = DateTimeOffset.ParseExact(time, timeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal);
                continue;
            }

            var field = group.Name.Replace("__", ".", StringComparison.Ordinal);
            if (_numeric.Contains(group.Name) && long.TryParse(group.ValueSpan, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            {
                document.Set(field, number);
            }
            else if (group.Name is "query_time" or "mysql__slowlog__lock_time__sec")
            {
                document.Set(field, double.Parse(group.ValueSpan, CultureInfo.InvariantCulture));
            }
            else if (group.Value != "-")
            {
                document.Set(field, group.Value);
            }
        }

        return true;
    }
}
