using System.Text;

namespace LogPipeline.Store.Query;

internal sealed partial class QueryParser
{
    private const string RegexOperators = "*+?[](){}|\\";

    private QueryNode ParseFieldValue(string field, int start)
    {
        if (AtEnd || char.IsWhiteSpace(Current))
        {
            throw Error($"'{field}' has no value after ':'.", start);
        }

        switch (Current)
        {
            case '(':
                return ParseGroup(field);
            case '"':
                return Leaf(Checked(new TermNode(field, ReadQuoted()), start), start);
            case '[' or '{':
                return ParseRange(field);
            case '>' or '<':
                return ParseComparison(field);
            case '/' when TryReadRegex(field) is { } regex:
                return Leaf(regex, start);
            default:
                return Leaf(BareNode(field, ReadBare(stopAtColon: false, stopAtBracket: false), start), start);
        }
    }

    private QueryNode BareNode(string? field, BareWord word, int start)
    {
        if (word.Text.Length == 0)
        {
            throw Error(field is null ? "a term is expected here." : $"'{field}' has no value.", start);
        }

        if (!word.HasWildcard)
        {
            return Checked(new TermNode(field, word.Text), start);
        }

        if (word.Pattern == "*")
        {
            return field is null ? MatchAllNode.Instance : new ExistsNode(field);
        }

        if (field is not null && QueryFields.KindOf(field) is FieldKind.Number or FieldKind.Time)
        {
            throw Error($"wildcards do not apply to {field}: use a range, e.g. {field}:[400 TO 499].", start);
        }

        return new WildcardNode(field, word.Pattern);
    }

    private TermNode Checked(TermNode node, int start)
    {
        if (node.Value.Length == 0)
        {
            throw Error("empty quotes: put the text to search between them.", start);
        }

        return node.Field is not null && QueryValues.Check(node.Field, node.Value) is { } problem ? throw Error(problem, start) : node;
    }

    private QueryNode ParseRange(string field)
    {
        var start = _pos;
        var includeLower = Current == '[';
        _pos++;
        SkipSpace();
        var lower = ReadBound(field);
        SkipSpace();
        if (!TryOperator("TO"))
        {
            throw Error($"a range needs TO between its bounds, e.g. {field}:[400 TO 499].", _pos);
        }

        var upper = ReadBound(field);
        SkipSpace();
        if (AtEnd || Current is not (']' or '}'))
        {
            throw Error("the range is never closed with ']' or '}'.", start);
        }

        var includeUpper = Current == ']';
        _pos++;
        return Leaf(lower is null && upper is null ? new ExistsNode(field) : new RangeNode(field, lower, upper, includeLower, includeUpper), start);
    }

    private QueryNode ParseComparison(string field)
    {
        var start = _pos;
        var lowerSide = Current == '>';
        _pos++;
        var inclusive = !AtEnd && Current == '=';
        _pos += inclusive ? 1 : 0;
        SkipSpace();
        var bound = ReadBound(field) ?? throw Error($"a comparison needs a value, e.g. {field}:>=500.", start);
        var node = lowerSide ? new RangeNode(field, bound, null, inclusive, false) : new RangeNode(field, null, bound, false, inclusive);
        return Leaf(node, start);
    }

    /// <summary>A range bound: quoted or bare text, or <c>*</c> (open, returned as null).</summary>
    private string? ReadBound(string field)
    {
        SkipSpace();
        var start = _pos;
        if (AtEnd)
        {
            throw Error("the query ends inside a range.", start);
        }

        string text;
        if (Current == '"')
        {
            text = ReadQuoted();
        }
        else
        {
            var word = ReadBare(stopAtColon: false, stopAtBracket: true);
            if (word.HasWildcard)
            {
                return word.Pattern == "*" ? null : throw Error("wildcards are not allowed in range bounds.", start);
            }

            text = word.Text.Length > 0 ? word.Text : throw Error("a range bound is missing.", start);
        }

        return QueryValues.Check(field, text) is { } problem ? throw Error(problem, start) : text;
    }

    private string ReadQuoted()
    {
        var open = _pos++;
        var sb = new StringBuilder();
        while (!AtEnd && Current != '"')
        {
            if (Current == '\\' && _pos + 1 < _text.Length)
            {
                _pos++;
            }

            sb.Append(Current);
            _pos++;
        }

        if (AtEnd)
        {
            throw Error("the quote is never closed: add a '\"'.", open);
        }

        _pos++;
        return sb.ToString();
    }

    /// <summary>
    /// <c>/…/</c> followed by a space, ')' or the end. On free text and path fields it is a regex only when it holds a
    /// regex operator, so <c>path:/wp-admin/</c> stays a path. Returns null (nothing consumed) when it is not a regex.
    /// </summary>
    private RegexNode? TryReadRegex(string? field)
    {
        var open = _pos;
        var sb = new StringBuilder();
        var i = open + 1;
        for (; i < _text.Length && _text[i] != '/'; i++)
        {
            if (_text[i] == '\\' && i + 1 < _text.Length && _text[i + 1] == '/')
            {
                i++;
            }
            else if (_text[i] == '\\' && i + 1 < _text.Length)
            {
                sb.Append('\\');
                i++;
            }

            sb.Append(_text[i]);
        }

        var closedWell = i < _text.Length && (i + 1 == _text.Length || char.IsWhiteSpace(_text[i + 1]) || _text[i + 1] == ')');
        var pattern = sb.ToString();
        if (!closedWell || pattern.Length == 0 || (QueryFields.IsPathLike(field) && pattern.IndexOfAny(RegexOperators.ToCharArray()) < 0))
        {
            return null;
        }

        if (field is not null && QueryFields.KindOf(field) is FieldKind.Number or FieldKind.Time)
        {
            throw Error($"regular expressions do not apply to {field}: use a range.", open);
        }

        if (LuceneRegex.Check(pattern) is { } problem)
        {
            throw Error(problem.Message, open + 1 + problem.Offset);
        }

        _pos = i + 1;
        return new RegexNode(field, pattern);
    }

    private string CheckedField(string name, int position) =>
        QueryFields.IsValidName(name) ? QueryFields.Resolve(name)
            : throw Error($"'{name}' is not a field name (letters, digits, '_', '@', '-', separated by dots).", position);
}
