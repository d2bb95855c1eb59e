using LogPipeline.Parsers.Ecs;
using LogPipeline.Parsers.Text;

namespace LogPipeline.Parsers.Formats;

/// <summary>Reads one slow-log record line by line into the document.</summary>
internal ref struct MysqlSlowlogRecord(string text, EcsDocument document, ParserOptions options)
{
    private readonly string _text = text;
    private readonly EcsDocument _document = document;
    private readonly ParserOptions _options = options;
    private int _headers;
    private int _queryStart = -1;
    private int _queryEnd = -1;
    private DateTimeOffset? _time;
    private bool _timeHasOffset;
    private DateTimeOffset? _setTimestamp;

    /// <summary>True when the text is a record (at least one known header line) or the server's banner.</summary>
    public bool Read()
    {
        var banner = false;
        for (var start = 0; start < _text.Length;)
        {
            var newline = _text.IndexOf('\n', start);
            var end = newline < 0 ? _text.Length : newline;
            var line = _text.AsSpan(start, end - start).TrimEnd('\r');
            if (line.StartsWith("# ") && !line.StartsWith("# administrator command:"))
            {
                ReadHeader(line[2..]);
            }
            else if (MysqlSlowlogBanner.IsBannerLine(line))
            {
                banner = true;
            }
            else if (line is not "#" && !ReadPreamble(line))
            {
                _queryStart = _queryStart < 0 ? start : _queryStart;
                _queryEnd = start + line.Length;
            }

            start = end + 1;
        }

        if (_headers == 0)
        {
            return banner && _queryStart < 0;
        }

        // A "# Time:" with its own offset (MySQL 5.7+) is exact to the microsecond; otherwise "SET timestamp=" (epoch
        // seconds) avoids guessing the zone; a zone-less "# Time:" is the last resort.
        _document.Timestamp = (_timeHasOffset ? _time : null) ?? _setTimestamp ?? _time ?? _document.Timestamp;
        if (_queryStart >= 0)
        {
            _document.Set("mysql.slowlog.query", _text[_queryStart.._queryEnd].Trim());
        }

        return true;
    }

    /// <summary>"use db;" and "SET timestamp=N;" before the statement.</summary>
    private bool ReadPreamble(ReadOnlySpan<char> line)
    {
        if (_queryStart >= 0)
        {
            return false;
        }

        if (line.StartsWith("SET timestamp=") && line.EndsWith(";") && FieldText.Number(line[14..^1]) is var seconds and >= 0 and < 253402300800)
        {
            _setTimestamp = DateTimeOffset.FromUnixTimeSeconds(seconds);
            return true;
        }

        if (line.StartsWith("use ") && line.EndsWith(";") && !line[4..^1].Contains(' '))
        {
            _document.Set("mysql.slowlog.schema", line[4..^1].Trim('`').ToString());
            return true;
        }

        return false;
    }

    private void ReadHeader(ReadOnlySpan<char> line)
    {
        if (line.StartsWith("Time: "))
        {
            var stamp = line[6..].Trim();
            var zone = _options.DefaultTimeZone;
            var hasOffset = false;
            if ((Timestamps.TryIso(stamp, zone, out var time, out var end, out hasOffset) || Timestamps.TryShortDate(stamp, zone, out time, out end)) && end == stamp.Length)
            {
                _time = time;
                _timeHasOffset = hasOffset;
                _headers++;
            }
        }
        else if (line.StartsWith("User@Host: "))
        {
            MysqlSlowlogFields.SetUserHost(line[11..], _document);
            _headers++;
        }
        else if (MysqlSlowlogFields.SetPairs(line, _document))
        {
            _headers++;
        }
    }
}
