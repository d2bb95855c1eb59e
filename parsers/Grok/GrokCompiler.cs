using System.Text;

namespace LogPipeline.Parsers.Grok;

/// <summary>
/// Expands a grok expression into one .NET regular expression. <c>%{SYNTAX:field:type}</c> and inline
/// <c>(?&lt;field&gt;…)</c> become numbered groups (<c>g0</c>, <c>g1</c> …) because ECS names such as
/// <c>source.ip</c> are not valid .NET group names; the field each group fills is kept beside the regex.
/// </summary>
internal sealed class GrokCompiler
{
    private const int MaxDepth = 64;
    private readonly IReadOnlyDictionary<string, string> _definitions;
    private readonly string _expression;
    private readonly StringBuilder _regex = new();
    private readonly List<GrokCapture> _captures = [];
    private readonly Stack<string> _expanding = new();
    private GrokError? _error;

    private GrokCompiler(IReadOnlyDictionary<string, string> definitions, string expression)
    {
        _definitions = definitions;
        _expression = expression;
    }

    public static (string Regex, IReadOnlyList<GrokCapture> Captures, GrokError? Error) Expand(IReadOnlyDictionary<string, string> definitions, string expression)
    {
        var compiler = new GrokCompiler(definitions, expression);
        compiler.Emit(expression, topLevelPosition: null);
        return (compiler._regex.ToString(), compiler._captures, compiler._error);
    }

    /// <summary>Appends <paramref name="text"/> expanded; <paramref name="topLevelPosition"/> is where a nested definition is used.</summary>
    private void Emit(string text, int? topLevelPosition)
    {
        var inClass = false;
        for (var i = 0; i < text.Length && _error is null; i++)
        {
            var c = text[i];
            var position = topLevelPosition ?? i;
            if (c == '\\' && i + 1 < text.Length)
            {
                _regex.Append(c).Append(text[++i]);
            }
            else if (inClass)
            {
                inClass = c != ']';
                _regex.Append(c);
            }
            else if (c == '[')
            {
                inClass = true;
                _regex.Append(c);
                // "[]…]" and "[^]…]": a ']' right after the opening is a literal.
                if (i + 1 < text.Length && text[i + 1] == '^')
                {
                    _regex.Append(text[++i]);
                }

                if (i + 1 < text.Length && text[i + 1] == ']')
                {
                    _regex.Append(text[++i]);
                }
            }
            else if (c == '%' && i + 1 < text.Length && text[i + 1] == '{')
            {
                i = EmitReference(text, i, position);
            }
            else if (c == '(' && IsNamedGroup(text, i, out var nameEnd))
            {
                var field = FieldName(text[(i + 3)..nameEnd]);
                if (field.Length == 0)
                {
                    Fail($"the named group at position {position} has an empty name", position);
                    return;
                }

                _regex.Append("(?<").Append(AddCapture(field, GrokFieldType.String)).Append('>');
                i = nameEnd;
            }
            else
            {
                _regex.Append(c);
            }
        }
    }

    private int EmitReference(string text, int start, int position)
    {
        var close = text.IndexOf('}', start + 2);
        if (close < 0)
        {
            Fail($"'%{{' at position {position} is not closed by '}}'", position);
            return text.Length;
        }

        var parts = text[(start + 2)..close].Split(':', 3);
        var name = parts[0];
        if (name.Length == 0 || !GrokPatternLibrary.IsValidName(name))
        {
            Fail($"'%{{{text[(start + 2)..close]}}}' at position {position}: a pattern name is letters, digits and '_'", position);
            return close;
        }

        if (!_definitions.TryGetValue(name, out var definition))
        {
            var where = _expanding.Count == 0 ? string.Empty : $" (referenced by the definition of {_expanding.Peek()})";
            Fail($"unknown pattern '{name}' at position {position}{where}", position);
            return close;
        }

        if (_expanding.Contains(name) || _expanding.Count >= MaxDepth)
        {
            Fail($"pattern '{name}' at position {position} refers to itself (through {string.Join(" <- ", _expanding)})", position);
            return close;
        }

        var type = GrokFieldType.String;
        if (parts.Length == 3 && !TryParseType(parts[2], out type))
        {
            Fail($"unknown type '{parts[2]}' for field '{parts[1]}' at position {position}: use int, long, float, double or bool", position);
            return close;
        }

        var field = parts.Length >= 2 ? FieldName(parts[1]) : string.Empty;
        _regex.Append(field.Length > 0 ? $"(?<{AddCapture(field, type)}>" : "(?:");
        _expanding.Push(name);
        Emit(definition, position);
        _expanding.Pop();
        _regex.Append(')');
        return close;
    }

    private string AddCapture(string field, GrokFieldType type)
    {
        var group = "g" + _captures.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _captures.Add(new GrokCapture(group, field, type));
        return group;
    }

    private void Fail(string message, int position) => _error ??= new GrokError(message, position, _expression);

    /// <summary>"(?&lt;name&gt;" but not the look-behinds "(?&lt;=" and "(?&lt;!".</summary>
    private static bool IsNamedGroup(string text, int i, out int nameEnd)
    {
        nameEnd = -1;
        if (i + 3 >= text.Length || text[i + 1] != '?' || text[i + 2] != '<' || text[i + 3] is '=' or '!')
        {
            return false;
        }

        nameEnd = text.IndexOf('>', i + 3);
        return nameEnd > 0;
    }

    /// <summary>Logstash field references "[a][b]" are the dotted ECS name "a.b".</summary>
    internal static string FieldName(string raw)
    {
        var name = raw.Trim();
        if (name.Length > 1 && name[0] == '[' && name[^1] == ']')
        {
            name = name[1..^1].Replace("][", ".", StringComparison.Ordinal);
        }

        return name;
    }

    private static bool TryParseType(string text, out GrokFieldType type)
    {
        type = text.Trim() switch
        {
            "int" or "long" => GrokFieldType.Long,
            "float" or "double" => GrokFieldType.Double,
            "bool" or "boolean" => GrokFieldType.Bool,
            "string" => GrokFieldType.String,
            _ => (GrokFieldType)(-1),
        };
        return Enum.IsDefined(type);
    }
}
