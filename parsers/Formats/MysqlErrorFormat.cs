using LogPipeline.Parsers.Ecs;
using LogPipeline.Parsers.Text;

namespace LogPipeline.Parsers.Formats;

/// <summary>
/// <c>mysql.error</c>: MySQL 8.0 (<c>2026-11-22T08:00:00.123456Z 0 [System] [MY-010116] [Server] msg</c>), 5.7
/// (<c>… 0 [Note] msg</c>), 5.6 and MariaDB 10.x (<c>2026-11-22  8:00:00 0 [Note] msg</c>, hours space-padded), 5.5
/// and old MariaDB (<c>261122  8:00:00 [Note] msg</c>), mysqld_safe lines; continuation lines (framed by the
/// shipper) stay in <c>message</c>. Stamps without a zone use <see cref="ParserOptions.DefaultTimeZone"/>.
/// </summary>
internal sealed class MysqlErrorFormat(ParserOptions options) : GrokBackedFormat(options,
    Stamp + @"(?: +%{NONNEGINT:mysql.thread_id:int})? +\[%{WORD:log.level}\](?: \[(?<error.code>MY-[0-9]+)\] \[%{WORD:mysql.error.subsystem}\])? (?<_message>(?s:.*))$",
    Stamp + @" (?<process.name>mysqld_safe|mariadbd-safe|mysqld|mariadbd) (?<_message>(?s:.*))$",
    Stamp + @" +(?<_message>InnoDB: (?s:.*))$")
{
    private const string Stamp = @"^(?<_time>[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][ 0-9][0-9]:[0-9]{2}:[0-9]{2}(?:\.[0-9]+)?(?:Z|[+-][0-9]{2}:?[0-9]{2})?|[0-9]{6} [ 0-9][0-9]:[0-9]{2}:[0-9]{2})";

    public override string Dataset => "mysql.error";

    protected override bool Complete(Captures captures, string text, EcsDocument document)
    {
        var stamp = captures["_time"];
        var zone = Options.DefaultTimeZone;
        if (!(Timestamps.TryIso(stamp, zone, out var time, out var end) || Timestamps.TryShortDate(stamp, zone, out time, out end)) || end != stamp.Length)
        {
            return false;
        }

        document.Timestamp = time;
        document.Set("message", captures["_message"].ToString());
        document.Set("event.original", text);
        return true;
    }
}
