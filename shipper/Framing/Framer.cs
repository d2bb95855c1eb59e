using System.Text;
using System.Text.RegularExpressions;
using LogPipeline.Parsers.Framing;

namespace LogPipeline.Shipper.Framing;

/// <summary>
/// Cuts the bytes of one file into events: one per line, or multi-line records when a <see cref="MultilineRule"/> is
/// set. Bytes are kept exactly (CR, invalid UTF-8); only the final LF of an event is left out. A line longer than the
/// limit is split into parts flagged <see cref="EventSlice.Split"/>. One instance per file: it remembers a pending
/// record and a line being split across calls. A line matching the rule's <see cref="MultilineRule.JoinNextPattern"/>
/// joins the line after it to its record even when that line matches the start pattern (MySQL's <c># Time:</c> line
/// above the <c># User@Host:</c> line of the same slow-log record), as the parsers' own framing does.
/// </summary>
internal sealed class Framer
{
    /// <summary>Start and join patterns see at most this many leading bytes of a line.</summary>
    private const int MatchBytes = 512;
    private readonly int _maxLineBytes;
    private readonly MultilineRule? _rule;
    private readonly Regex? _start;
    private readonly Regex? _joinNext;
    private bool _continuingSplit;

    // Multi-line state, relative to the start of the data handed to the next call (the pending record begins it).
    private int _pendingLines;
    private int _scanned;
    private bool _lastLineJoins;

    public Framer(int maxLineBytes, MultilineRule? rule)
    {
        _maxLineBytes = maxLineBytes;
        _rule = rule;
        _start = rule is null ? null : new Regex(rule.StartPattern, RegexOptions.CultureInvariant);
        _joinNext = rule?.JoinNextPattern is { } join ? new Regex(join, RegexOptions.CultureInvariant) : null;
    }

    public MultilineRule? Rule => _rule;

    /// <summary>True while a multi-line record is held back waiting for its next line or its flush timeout.</summary>
    public bool HasPendingRecord => _pendingLines > 0;

    /// <summary>
    /// Frames <paramref name="data"/>, whose first byte is at <paramref name="baseOffset"/> in the file. Returns how
    /// many leading bytes were consumed; the caller keeps the rest and passes it again, followed by newer bytes.
    /// <paramref name="flushRecord"/> emits a pending multi-line record; <paramref name="flushPartial"/> also emits a
    /// last line that has no newline yet.
    /// </summary>
    public int Frame(ReadOnlySpan<byte> data, long baseOffset, List<EventSlice> output, bool flushRecord, bool flushPartial)
    {
        ArgumentNullException.ThrowIfNull(output);
        return _rule is null
            ? FrameLines(data, 0, baseOffset, output, flushPartial)
            : FrameRecords(data, baseOffset, output, flushRecord || flushPartial, flushPartial);
    }

    /// <summary>Forgets pending state, e.g. after a truncation restarts the file at 0.</summary>
    public void Reset()
    {
        _continuingSplit = false;
        _pendingLines = 0;
        _scanned = 0;
        _lastLineJoins = false;
    }

    private int FrameLines(ReadOnlySpan<byte> data, int pos, long baseOffset, List<EventSlice> output, bool flushPartial)
    {
        while (pos < data.Length)
        {
            var rest = data[pos..];
            var nl = rest.IndexOf((byte)'\n');
            var lineLength = nl < 0 ? rest.Length : nl;
            if (lineLength > _maxLineBytes || (nl < 0 && lineLength == _maxLineBytes))
            {
                output.Add(new EventSlice(pos, _maxLineBytes, baseOffset + pos, baseOffset + pos + _maxLineBytes, true));
                pos += _maxLineBytes;
                _continuingSplit = true;
                continue;
            }

            if (nl < 0 && !flushPartial)
            {
                break;
            }

            var consumed = nl < 0 ? lineLength : lineLength + 1;
            output.Add(new EventSlice(pos, lineLength, baseOffset + pos, baseOffset + pos + consumed, _continuingSplit));
            _continuingSplit = nl < 0 && _continuingSplit;
            pos += consumed;
        }

        return pos;
    }

    private int FrameRecords(ReadOnlySpan<byte> data, long baseOffset, List<EventSlice> output, bool flushRecord, bool flushPartial)
    {
        var rule = _rule!;
        var recordStart = 0;
        var pos = _pendingLines > 0 ? _scanned : 0;
        while (pos < data.Length)
        {
            var nl = data[pos..].IndexOf((byte)'\n');
            if (nl < 0 || nl > _maxLineBytes)
            {
                if (nl < 0 && data.Length - pos < _maxLineBytes && !flushPartial)
                {
                    break;
                }

                // A line too long for a record, or a last line flushed without newline: close the record, frame it alone.
                EmitRecord(data, baseOffset, recordStart, pos, output);
                var end = FrameLines(data[..(nl < 0 ? data.Length : pos + nl + 1)], pos, baseOffset, output, flushPartial);
                recordStart = pos = end;
                continue;
            }

            var head = data.Slice(pos, Math.Min(nl, MatchBytes));
            var startsEvent = !_lastLineJoins && Matches(_start!, head);
            var recordBytes = pos - recordStart;
            if (_pendingLines > 0 && (startsEvent || _pendingLines >= rule.MaxLines || recordBytes + nl > rule.MaxBytes))
            {
                EmitRecord(data, baseOffset, recordStart, pos, output);
                recordStart = pos;
            }

            _pendingLines++;
            _lastLineJoins = _joinNext is not null && Matches(_joinNext, head);
            pos += nl + 1;
        }

        if (_pendingLines > 0 && flushRecord)
        {
            EmitRecord(data, baseOffset, recordStart, pos, output);
            recordStart = pos;
        }

        _scanned = pos - recordStart;
        return recordStart;
    }

    private void EmitRecord(ReadOnlySpan<byte> data, long baseOffset, int start, int end, List<EventSlice> output)
    {
        if (_pendingLines == 0 || end <= start)
        {
            _pendingLines = 0;
            _lastLineJoins = false;
            return;
        }

        var length = end - start - (data[end - 1] == (byte)'\n' ? 1 : 0);
        output.Add(new EventSlice(start, length, baseOffset + start, baseOffset + end, false));
        _pendingLines = 0;
        _lastLineJoins = false;
    }

    /// <summary>Matches a line's first <see cref="MatchBytes"/> bytes, decoded on the stack (no string per line).</summary>
    private static bool Matches(Regex pattern, ReadOnlySpan<byte> line)
    {
        Span<char> text = stackalloc char[MatchBytes];
        var length = Encoding.UTF8.GetChars(line, text);
        return pattern.IsMatch(text[..length]);
    }
}
