namespace LogPipeline.Store.Query;

/// <summary>
/// Recursive-descent parser for the query language (a Lucene query-string subset). Precedence: NOT, then AND
/// (also implicit, between adjacent terms), then OR. Limits on length, nesting and clause count keep hostile input
/// cheap; every error carries the position where it was found.
/// </summary>
internal sealed partial class QueryParser
{
    public const int MaxLength = 16_384;
    public const int MaxDepth = 64;
    public const int MaxClauses = 1024;

    private readonly string _text;
    private int _pos;
    private int _depth;
    private int _clauses;

    private QueryParser(string text) => _text = text;

    public static QueryParseResult Parse(string? text)
    {
        text ??= string.Empty;
        if (text.Length > MaxLength)
        {
            return QueryParseResult.Failure($"The query is {text.Length} characters long; the limit is {MaxLength}.", MaxLength);
        }

        try
        {
            return QueryParseResult.Success(new QueryParser(text).ParseAll());
        }
        catch (QuerySyntaxException e)
        {
            return QueryParseResult.Failure(e.Message, e.Position);
        }
    }

    private bool AtEnd => _pos >= _text.Length;

    private char Current => _text[_pos];

    private QueryNode ParseAll()
    {
        SkipSpace();
        if (AtEnd)
        {
            return MatchAllNode.Instance;
        }

        var node = ParseOr(null);
        SkipSpace();
        if (!AtEnd)
        {
            throw Error(Current == ')' ? "')' closes a '(' that was never opened." : $"unexpected '{Current}'.", _pos);
        }

        return node;
    }

    private QueryNode ParseOr(string? field)
    {
        var children = new List<QueryNode> { ParseAnd(field) };
        while (TryOperator("OR") || TryOperator("||"))
        {
            children.Add(ParseAnd(field));
        }

        return children.Count == 1 ? children[0] : new OrNode(children);
    }

    private QueryNode ParseAnd(string? field)
    {
        var children = new List<QueryNode> { ParseUnary(field) };
        while (true)
        {
            SkipSpace();
            if (AtEnd || Current == ')' || PeekOperator("OR") || PeekOperator("||"))
            {
                break;
            }

            _ = TryOperator("AND") || TryOperator("&&");
            children.Add(ParseUnary(field));
        }

        return children.Count == 1 ? children[0] : new AndNode(children);
    }

    private QueryNode ParseUnary(string? field)
    {
        SkipSpace();
        var start = _pos;
        if (AtEnd)
        {
            throw Error("the query ends where a term is expected (after an operator?).", _pos);
        }

        foreach (var op in (string[])["AND", "OR", "&&", "||"])
        {
            if (PeekOperator(op))
            {
                throw Error($"'{_text.Substring(_pos, op.Length)}' needs a term on its left.", _pos);
            }
        }

        if (Current == ')')
        {
            throw Error("')' where a term is expected.", _pos);
        }

        var negate = TryOperator("NOT") || IsPrefix('!') || IsPrefix('-');
        if (!negate && !IsPrefix('+'))
        {
            return ParsePrimary(field);
        }

        Enter(start);
        var operand = ParseUnary(field);
        _depth--;
        return negate ? new NotNode(operand) : operand;
    }

    private QueryNode ParsePrimary(string? field)
    {
        var start = _pos;
        if (Current == '(')
        {
            return ParseGroup(field);
        }

        if (field is not null)
        {
            return ParseFieldValue(field, start);
        }

        if (Current == '"')
        {
            return Leaf(new TermNode(null, ReadQuoted()), start);
        }

        if (Current == '/' && TryReadRegex(null) is { } regex)
        {
            return Leaf(regex, start);
        }

        var word = ReadBare(stopAtColon: true, stopAtBracket: false);
        if (word.Colon && !AtEnd && !char.IsWhiteSpace(Current))
        {
            return ParseFieldClause(word, start);
        }

        if (word.Colon)
        {
            throw Error($"'{word.Text}' is followed by nothing: write a value after the ':' (or quote the text).", start);
        }

        return Leaf(BareNode(null, word, start), start);
    }

    private QueryNode ParseFieldClause(BareWord word, int start)
    {
        if (string.Equals(word.Text, "_exists_", StringComparison.Ordinal))
        {
            var nameStart = _pos;
            var name = ReadBare(stopAtColon: false, stopAtBracket: false);
            return Leaf(new ExistsNode(CheckedField(name.Text, nameStart)), start);
        }

        if (word.Text == "*")
        {
            return ParsePrimary(null);
        }

        return ParseFieldValue(CheckedField(word.Text, start), _pos);
    }

    private QueryNode ParseGroup(string? field)
    {
        var open = _pos;
        Enter(open);
        _pos++;
        SkipSpace();
        if (!AtEnd && Current == ')')
        {
            throw Error("empty parentheses: put a term inside or remove them.", open);
        }

        var node = ParseOr(field);
        SkipSpace();
        if (AtEnd || Current != ')')
        {
            throw Error("'(' is never closed: add a ')'.", open);
        }

        _pos++;
        _depth--;
        return node;
    }

    private void Enter(int position)
    {
        if (++_depth > MaxDepth)
        {
            throw Error($"the query nests deeper than {MaxDepth} levels.", position);
        }
    }

    private QueryNode Leaf(QueryNode node, int position)
    {
        if (++_clauses > MaxClauses)
        {
            throw Error($"the query has more than {MaxClauses} terms.", position);
        }

        return node;
    }

    private static QuerySyntaxException Error(string message, int position) =>
        new($"Query error at position {position}: {message}", position);
}
