using System.Collections.Concurrent;
using LogPipeline.Parsers.Ecs;
using LogPipeline.Parsers.Text;

namespace LogPipeline.Parsers.Formats;

/// <summary>The <c># Key: value  Key: value</c> header lines, mapped to Filebeat's field names.</summary>
internal static class MysqlSlowlogFields
{
    // Keys seen in the wild beyond these get a derived name, remembered up to a bound (hostile input cannot grow it).
    private const int MaxRememberedNames = 512;

    private static readonly ConcurrentDictionary<string, string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Rows_sent"] = "mysql.slowlog.rows_sent",
        ["Rows_examined"] = "mysql.slowlog.rows_examined",
        ["Rows_affected"] = "mysql.slowlog.rows_affected",
        ["Bytes_sent"] = "mysql.slowlog.bytes_sent",
        ["Lock_time"] = "mysql.slowlog.lock_time.sec",
        ["Thread_id"] = "mysql.thread_id",
        ["Id"] = "mysql.thread_id",
        ["Schema"] = "mysql.slowlog.schema",
        ["QC_hit"] = "mysql.slowlog.query_cache_hit",
        ["Errno"] = "mysql.slowlog.last_errno",
        ["InnoDB_IO_r_wait"] = "mysql.slowlog.innodb.io_r_wait.sec",
        ["InnoDB_rec_lock_wait"] = "mysql.slowlog.innodb.rec_lock_wait.sec",
        ["InnoDB_queue_wait"] = "mysql.slowlog.innodb.queue_wait.sec",
    };

    /// <summary>Reads "Key: value" pairs; false when the line has none ("# explain: …" has none we keep).</summary>
    public static bool SetPairs(ReadOnlySpan<char> line, EcsDocument document)
    {
        Span<Range> tokens = stackalloc Range[128];
        var count = line.Split(tokens, ' ', StringSplitOptions.RemoveEmptyEntries);
        var any = false;
        for (var i = 0; i < count; i++)
        {
            var key = line[tokens[i]];
            if (key.Length < 2 || key[^1] != ':' || key is "explain:")
            {
                return any;
            }

            // "Schema:   QC_hit: No": a key followed by another key has an empty value.
            var value = i + 1 < count && line[tokens[i + 1]][^1] != ':' ? line[tokens[++i]] : default;
            Set(key[..^1], value, document);
            any = true;
        }

        return any;
    }

    private static void Set(ReadOnlySpan<char> key, ReadOnlySpan<char> value, EcsDocument document)
    {
        if (key.Equals("Query_time", StringComparison.OrdinalIgnoreCase))
        {
            if (FieldText.TryDecimal(value, out var seconds))
            {
                document.Set("event.duration", (long)Math.Round(seconds * 1e9));
            }

            return;
        }

        if (!Names.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(key, out var field))
        {
            field = "mysql.slowlog." + (key.StartsWith("InnoDB_", StringComparison.Ordinal) ? "innodb." + key[7..].ToString().ToLowerInvariant() : key.ToString().ToLowerInvariant());
            if (Names.Count < MaxRememberedNames)
            {
                Names.TryAdd(key.ToString(), field);
            }
        }

        if (value.IsEmpty)
        {
            return;
        }

        if (value is "Yes" or "No")
        {
            document.Set(field, value is "Yes");
        }
        else if (FieldText.SignedNumber(value) is { } whole && !field.EndsWith(".sec", StringComparison.Ordinal))
        {
            document.Set(field, whole);
        }
        else if (FieldText.TryDecimal(value, out var real))
        {
            document.Set(field, real);
        }
        else
        {
            document.Set(field, value.ToString());
        }
    }

    /// <summary>"user[current_user] @ host [ip]  Id: 42" (host, ip and Id each optional).</summary>
    public static void SetUserHost(ReadOnlySpan<char> s, EcsDocument document)
    {
        var at = s.IndexOf(" @ ");
        var user = at < 0 ? s : s[..at];
        var bracket = user.IndexOf('[');
        var name = (bracket < 0 ? user : user[..bracket]).Trim();
        if (!name.IsEmpty)
        {
            document.Set("user.name", name.ToString());
        }

        if (bracket >= 0 && user[^1] == ']' && user.Length - bracket > 2)
        {
            document.Set("mysql.slowlog.current_user", user[(bracket + 1)..^1].ToString());
        }

        if (at < 0)
        {
            return;
        }

        var host = s[(at + 3)..];
        var open = host.IndexOf('[');
        var close = open < 0 ? -1 : host[open..].IndexOf(']') + open;
        var domain = (open < 0 ? host : host[..open]).Trim();
        if (!domain.IsEmpty)
        {
            document.Set("source.domain", domain.ToString());
        }

        if (close > open + 1 && FieldText.IsIp(host[(open + 1)..close]))
        {
            document.Set("source.ip", host[(open + 1)..close].ToString());
        }

        if (close > 0)
        {
            SetPairs(host[(close + 1)..].Trim(), document);
        }
    }
}
