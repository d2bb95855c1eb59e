using System.Globalization;
using System.Text;
using LogPipeline.Store.Query;

namespace LogPipeline.Store.Tests.Query;

/// <summary>Random query trees over every node kind, with values full of the characters the syntax gives meaning to.</summary>
internal sealed class RandomQueries(int seed)
{
    private const string Alphabet = "abcXYZ019 é\"\\:/()*?-+![]{}'<>=&|^~.,@#";
    private static readonly string?[] TextFields = [null, QueryFields.Message];
    private static readonly string[] KeywordFields = [QueryFields.UrlPath, QueryFields.UserAgent, QueryFields.HostName, QueryFields.SourceIp, "haproxy.backend_name", "tags", "x-y.@z"];
    private static readonly string[] NumberFields = [QueryFields.Status, QueryFields.Bytes, QueryFields.Offset];
    private static readonly string[] RegexParts = ["ab", ".*", "(a|b)", "[0-9]+", "x?", "\\.", "/", "é", "[^/]{2,3}"];

    private readonly Random _random = new(seed);

    public QueryNode Next(int depth = 4)
    {
        var pick = _random.Next(depth <= 0 ? 6 : 10);
        return pick switch
        {
            0 => new TermNode(Pick(TextFields.Concat(KeywordFields).ToArray()), Text()),
            1 => new TermNode(Pick(NumberFields), _random.NextInt64(-5, 100_000).ToString(CultureInfo.InvariantCulture)),
            2 => new WildcardNode(Pick(TextFields.Concat(KeywordFields).ToArray()), Wildcard()),
            3 => Regex(),
            4 => Range(),
            5 => _random.Next(8) == 0 ? MatchAllNode.Instance : new ExistsNode(Pick(KeywordFields.Concat(NumberFields).ToArray())),
            6 or 7 => new AndNode(Children(depth)),
            8 => new OrNode(Children(depth)),
            _ => new NotNode(Next(depth - 1)),
        };
    }

    private List<QueryNode> Children(int depth) => Enumerable.Range(0, _random.Next(2, 5)).Select(_ => Next(depth - 1)).ToList();

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];

    private string Text(int max = 8)
    {
        var sb = new StringBuilder();
        var length = _random.Next(1, max);
        for (var i = 0; i < length; i++)
        {
            sb.Append(Alphabet[_random.Next(Alphabet.Length)]);
        }

        return sb.ToString();
    }

    /// <summary>A wildcard pattern in escaped form with at least one real wildcard, never just "*".</summary>
    private string Wildcard()
    {
        var parts = Text().Select(c => c is '*' or '?' or '\\' ? "\\" + c : c.ToString()).ToList();
        parts.Insert(_random.Next(parts.Count + 1), _random.Next(2) == 0 ? "*" : "?");
        var pattern = string.Concat(parts);
        return pattern == "*" ? "a*" : pattern;
    }

    private RegexNode Regex()
    {
        var sb = new StringBuilder();
        for (var i = _random.Next(1, 4); i > 0; i--)
        {
            sb.Append(Pick(RegexParts));
        }

        sb.Append(".*");
        return new RegexNode(Pick(TextFields.Concat(KeywordFields).ToArray()), sb.ToString());
    }

    private RangeNode Range()
    {
        var numeric = _random.Next(2) == 0;
        var field = numeric ? Pick(NumberFields) : Pick(KeywordFields);
        string Bound() => numeric ? _random.Next(0, 1000).ToString(CultureInfo.InvariantCulture) : Text();
        var lower = _random.Next(3) == 0 ? null : Bound();
        var upper = lower is null || _random.Next(3) > 0 ? Bound() : null;
        return new RangeNode(field, lower, upper, _random.Next(2) == 0, _random.Next(2) == 0);
    }
}
