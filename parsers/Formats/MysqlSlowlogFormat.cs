using LogPipeline.Parsers.Ecs;
using LogPipeline.Parsers.Text;

namespace LogPipeline.Parsers.Formats;

/// <summary>
/// <c>mysql.slowlog</c>: one framed record — <c># Time</c> (optional), <c># User@Host</c>, the <c># Key: value</c>
/// lines of MySQL 5.x/8.0, MariaDB (<c>Thread_id</c>, <c>Schema</c>, <c>QC_hit</c>, <c>Rows_affected</c>, query plan)
/// and Percona, then <c>use db;</c>, <c>SET timestamp=…;</c> and the statement lines. The server's start-up banner is
/// an event of its own and parses as such.
/// </summary>
internal sealed class MysqlSlowlogFormat(ParserOptions options) : ILogFormat
{
    public string Dataset => "mysql.slowlog";

    public bool Parse(string text, EcsDocument document)
    {
        text = LineText.Trim(text);
        var mark = document.Count;
        var markTime = document.Timestamp;
        var record = new MysqlSlowlogRecord(text, document, options);
        if (record.Read())
        {
            document.Set("message", text);
            return true;
        }

        document.Truncate(mark, markTime);
        Unparsed.Keep(text, document);
        return false;
    }
}
