namespace LogPipeline.Parsers.Formats;

/// <summary>Reads space-separated tokens from a position in a line, without allocating.</summary>
internal ref struct TokenReader(string text, int position)
{
    private readonly string _text = text;

    public int Position { get; private set; } = position;

    public readonly string Line => _text;

    public readonly bool AtEnd => Position >= _text.Length;

    public readonly char Peek => Position < _text.Length ? _text[Position] : '\0';

    /// <summary>The next token (empty at the end of the line); the position moves past one following space.</summary>
    public ReadOnlySpan<char> Next()
    {
        if (Position >= _text.Length)
        {
            return [];
        }

        var rest = _text.AsSpan(Position);
        var space = rest.IndexOf(' ');
        var token = space < 0 ? rest : rest[..space];
        Position += space < 0 ? rest.Length : space + 1;
        return token;
    }

    /// <summary>A "{…}" block at the position, without its braces; the position moves past it and one space.</summary>
    public bool TryBraced(out int start, out int end)
    {
        start = end = -1;
        if (Peek != '{')
        {
            return false;
        }

        var close = _text.IndexOf('}', Position);
        if (close < 0)
        {
            return false;
        }

        (start, end) = (Position + 1, close);
        Position = Math.Min(close + 2, _text.Length);
        return true;
    }
}
