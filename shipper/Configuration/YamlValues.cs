using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace LogPipeline.Shipper.Configuration;

/// <summary>Reads scalar values out of YAML nodes, recording an error with the key and line for each bad one.</summary>
internal sealed partial class YamlValues(List<ConfigError> errors)
{
    public List<ConfigError> Errors { get; } = errors;

    public static int LineOf(YamlNode node) => (int)node.Start.Line;

    public void Error(string key, YamlNode node, string problem) => Errors.Add(new ConfigError(key, LineOf(node), problem));

    /// <summary>Each key of <paramref name="map"/> with its value; keys not in <paramref name="known"/> are reported.</summary>
    public IEnumerable<(string Key, YamlNode Value)> Entries(string prefix, YamlMappingNode map, params string[] known)
    {
        foreach (var (keyNode, value) in map.Children)
        {
            var key = keyNode is YamlScalarNode scalar ? scalar.Value ?? "" : "";
            if (Array.IndexOf(known, key) < 0)
            {
                Error(Join(prefix, key), keyNode, $"unknown key (expected one of: {string.Join(", ", known)})");
                continue;
            }

            yield return (key, value);
        }
    }

    public static string Join(string prefix, string key) => prefix.Length == 0 ? key : $"{prefix}.{key}";

    public YamlMappingNode? Map(string key, YamlNode node)
    {
        if (node is YamlMappingNode map)
        {
            return map;
        }

        Error(key, node, "expected a mapping (key: value lines)");
        return null;
    }

    public YamlSequenceNode? Sequence(string key, YamlNode node)
    {
        if (node is YamlSequenceNode seq)
        {
            return seq;
        }

        Error(key, node, "expected a list");
        return null;
    }

    public string? String(string key, YamlNode node)
    {
        if (node is YamlScalarNode { Value: { Length: > 0 } value })
        {
            return value;
        }

        Error(key, node, node is YamlScalarNode ? "must not be empty" : "expected a single value");
        return null;
    }

    /// <summary>A scalar or a list of scalars.</summary>
    public List<string> Strings(string key, YamlNode node)
    {
        if (node is YamlScalarNode)
        {
            return String(key, node) is { } one ? [one] : [];
        }

        var result = new List<string>();
        if (Sequence(key, node) is { } seq)
        {
            for (var i = 0; i < seq.Children.Count; i++)
            {
                if (String($"{key}[{i}]", seq.Children[i]) is { } value)
                {
                    result.Add(value);
                }
            }
        }

        return result;
    }

    /// <summary>One of a fixed set of words, e.g. <c>end</c> or <c>beginning</c>.</summary>
    public T Choice<T>(string key, YamlNode node, T fallback, params (string Name, T Value)[] choices)
    {
        var text = String(key, node);
        foreach (var (name, value) in choices)
        {
            if (name == text)
            {
                return value;
            }
        }

        if (text is not null)
        {
            Error(key, node, $"'{text}' is not {string.Join(" or ", choices.Select(c => c.Name))}");
        }

        return fallback;
    }

    public int? Int(string key, YamlNode node, int min, int max)
    {
        var text = String(key, node);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        Error(key, node, $"'{text}' is not a whole number from {min} to {max}");
        return null;
    }

    public bool? Bool(string key, YamlNode node)
    {
        var text = String(key, node);
        if (text is null)
        {
            return null;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        Error(key, node, $"'{text}' is not true or false");
        return null;
    }

    /// <summary>A duration such as <c>500ms</c>, <c>2s</c>, <c>1m</c>, <c>1h</c>, or a bare number of seconds.</summary>
    public TimeSpan? Duration(string key, YamlNode node)
    {
        var text = String(key, node);
        if (text is null)
        {
            return null;
        }

        var match = DurationPattern().Match(text);
        if (match.Success && double.TryParse(match.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n))
        {
            var unit = match.Groups[2].Value;
            return unit switch
            {
                "ms" => TimeSpan.FromMilliseconds(n),
                "m" => TimeSpan.FromMinutes(n),
                "h" => TimeSpan.FromHours(n),
                _ => TimeSpan.FromSeconds(n),
            };
        }

        Error(key, node, $"'{text}' is not a duration (examples: 500ms, 2s, 1m)");
        return null;
    }

    /// <summary>A size such as <c>65536</c>, <c>64KiB</c>, <c>1MiB</c> (KB/MB are read as KiB/MiB).</summary>
    public int? Size(string key, YamlNode node, int min, int max)
    {
        var text = String(key, node);
        if (text is null)
        {
            return null;
        }

        var match = SizePattern().Match(text);
        if (match.Success && long.TryParse(match.Groups[1].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
        {
            var factor = char.ToUpperInvariant(match.Groups[2].Value.FirstOrDefault()) switch
            {
                'K' => 1L << 10,
                'M' => 1L << 20,
                'G' => 1L << 30,
                _ => 1L,
            };
            var bytes = n * factor;
            if (bytes >= min && bytes <= max)
            {
                return (int)bytes;
            }
        }

        Error(key, node, $"'{text}' is not a size from {min} to {max} bytes (examples: 65536, 64KiB, 1MiB)");
        return null;
    }

    [GeneratedRegex(@"^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"^\s*(\d+)\s*([KMG]i?B?|B)?\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SizePattern();
}
