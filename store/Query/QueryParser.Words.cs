using System.Text;

namespace LogPipeline.Store.Query;

internal sealed partial class QueryParser
{
    /// <summary>
    /// Reads unquoted text up to a space or parenthesis (and ']' '}' in a range). A backslash makes the next character
    /// literal. With <paramref name="stopAtColon"/>, stops after the first ':' when what precedes it can be a field name
    /// (and the rest is not <c>//…</c> as in a URL).
    /// </summary>
    private BareWord ReadBare(bool stopAtColon, bool stopAtBracket)
    {
        var text = new StringBuilder();
        var pattern = new StringBuilder();
        var hasWildcard = false;
        var escaped = false;
        while (!AtEnd)
        {
            var c = Current;
            if (char.IsWhiteSpace(c) || c is '(' or ')' || (stopAtBracket && c is ']' or '}'))
            {
                break;
            }

            if (c == '\\' && _pos + 1 < _text.Length)
            {
                var next = _text[++_pos];
                text.Append(next);
                pattern.Append(next is '*' or '?' or '\\' ? "\\" + next : next);
                escaped = true;
            }
            else if (c == ':' && stopAtColon && !escaped && LooksLikeField(text.ToString()))
            {
                _pos++;
                return new BareWord(text.ToString(), pattern.ToString(), false, Colon: true);
            }
            else
            {
                hasWildcard |= c is '*' or '?';
                text.Append(c);
                pattern.Append(c);
            }

            _pos++;
        }

        return new BareWord(text.ToString(), pattern.ToString(), hasWildcard, Colon: false);
    }

    private bool LooksLikeField(string name) =>
        (name == "*" || QueryFields.IsValidName(name)) && string.CompareOrdinal(_text, _pos + 1, "//", 0, 2) != 0;

    private void SkipSpace()
    {
        while (!AtEnd && char.IsWhiteSpace(Current))
        {
            _pos++;
        }
    }

    /// <summary>An operator at the current position (after spaces): words need a boundary after them.</summary>
    private bool PeekOperator(string op)
    {
        SkipSpace();
        if (string.Compare(_text, _pos, op, 0, op.Length, StringComparison.OrdinalIgnoreCase) != 0 || _pos + op.Length > _text.Length)
        {
            return false;
        }

        var end = _pos + op.Length;
        return !char.IsAsciiLetter(op[0]) || end == _text.Length || char.IsWhiteSpace(_text[end]) || _text[end] is '(' or '"';
    }

    private bool TryOperator(string op)
    {
        if (!PeekOperator(op))
        {
            return false;
        }

        _pos += op.Length;
        return true;
    }

    /// <summary>A prefix operator (<c>- ! +</c>) directly followed by its operand.</summary>
    private bool IsPrefix(char op)
    {
        if (AtEnd || Current != op || _pos + 1 >= _text.Length || char.IsWhiteSpace(_text[_pos + 1]) || _text[_pos + 1] == ')')
        {
            return false;
        }

        _pos++;
        return true;
    }

    private readonly record struct BareWord(string Text, string Pattern, bool HasWildcard, bool Colon);
}
