using System.Text.RegularExpressions;
using LogPipeline.Parsers.Framing;
using YamlDotNet.RepresentationModel;

namespace LogPipeline.Shipper.Configuration;

internal static partial class ConfigLoader
{
    /// <summary>The datasets an input may name; <c>auto</c> lets ingest detect the format.</summary>
    public static readonly string[] KnownTypes =
        ["apache.access", "apache.error", "haproxy.log", "mysql.error", "mysql.slowlog", "nginx.access", "nginx.error", "auto"];

    private static void ReadInputs(YamlValues v, YamlNode node, List<InputOptions> inputs)
    {
        if (v.Sequence("inputs", node) is not { } seq)
        {
            return;
        }

        if (seq.Children.Count == 0)
        {
            v.Error("inputs", seq, "the list is empty: add at least one input with paths and type");
        }

        for (var i = 0; i < seq.Children.Count; i++)
        {
            var prefix = $"inputs[{i}]";
            if (v.Map(prefix, seq.Children[i]) is { } map)
            {
                inputs.Add(ReadInput(v, prefix, map));
            }
        }
    }

    private static InputOptions ReadInput(YamlValues v, string prefix, YamlMappingNode map)
    {
        var o = new InputOptions();
        var multilineSet = false;
        foreach (var (key, value) in v.Entries(prefix, map, "paths", "exclude", "type", "fields", "tags", "start_at",
                     "multiline", "max_line_bytes", "partial_line_timeout"))
        {
            var name = YamlValues.Join(prefix, key);
            switch (key)
            {
                case "paths": o.Paths.AddRange(v.Strings(name, value).Where(p => CheckAbsolute(v, name, value, p))); break;
                case "exclude": o.Exclude.AddRange(v.Strings(name, value)); break;
                case "type": o.Type = ReadType(v, name, value); break;
                case "fields": ReadFields(v, name, value, o.Fields); break;
                case "tags": o.Tags.AddRange(v.Strings(name, value)); break;
                case "start_at":
                    o.StartAt = v.Choice(name, value, o.StartAt, ("end", StartPosition.End), ("beginning", StartPosition.Beginning));
                    break;
                case "multiline": o.Multiline = ReadMultiline(v, name, value); multilineSet = true; break;
                case "max_line_bytes": o.MaxLineBytes = v.Size(name, value, 256, 64 << 20) ?? o.MaxLineBytes; break;
                default: o.PartialLineTimeout = v.Duration(name, value) ?? o.PartialLineTimeout; break;
            }
        }

        if (!HasKey(map, "paths"))
        {
            v.Error($"{prefix}.paths", map, "missing: one or more file globs, e.g. /var/log/apache2/*.log");
        }

        if (!HasKey(map, "type"))
        {
            v.Error($"{prefix}.type", map, $"missing: the dataset, one of {string.Join(", ", KnownTypes)}");
        }

        if (!multilineSet && o.Type.Length > 0)
        {
            o.Multiline = FramingRules.For(o.Type);
        }

        return o;
    }

    private static bool CheckAbsolute(YamlValues v, string key, YamlNode node, string path)
    {
        if (Path.IsPathRooted(path))
        {
            return true;
        }

        v.Error(key, node, $"'{path}' is not an absolute path");
        return false;
    }

    private static string ReadType(YamlValues v, string key, YamlNode node)
    {
        var type = v.String(key, node);
        if (type is null || Array.IndexOf(KnownTypes, type) >= 0)
        {
            return type ?? "";
        }

        v.Error(key, node, $"unknown type '{type}' (expected one of: {string.Join(", ", KnownTypes)})");
        return "";
    }

    private static void ReadFields(YamlValues v, string key, YamlNode node, Dictionary<string, string> fields)
    {
        if (v.Map(key, node) is not { } map)
        {
            return;
        }

        foreach (var (k, value) in map.Children)
        {
            var name = k is YamlScalarNode s ? s.Value ?? "" : "";
            if (v.String($"{key}.{name}", value) is { } text)
            {
                fields[name] = text;
            }
        }
    }

    /// <summary><c>multiline: none</c> turns the preset off; a mapping sets an explicit rule.</summary>
    private static MultilineRule? ReadMultiline(YamlValues v, string key, YamlNode node)
    {
        if (node is YamlScalarNode { Value: "none" or "false" })
        {
            return null;
        }

        if (v.Map(key, node) is not { } map)
        {
            return null;
        }

        string? pattern = null;
        int maxLines = 500, maxBytes = 1 << 20;
        var flush = TimeSpan.FromSeconds(2);
        foreach (var (k, value) in v.Entries(key, map, "start_pattern", "max_lines", "max_bytes", "flush_timeout"))
        {
            var name = YamlValues.Join(key, k);
            switch (k)
            {
                case "start_pattern": pattern = CheckRegex(v, name, value); break;
                case "max_lines": maxLines = v.Int(name, value, 1, 100_000) ?? maxLines; break;
                case "max_bytes": maxBytes = v.Size(name, value, 256, 64 << 20) ?? maxBytes; break;
                default: flush = v.Duration(name, value) ?? flush; break;
            }
        }

        if (!HasKey(map, "start_pattern"))
        {
            v.Error($"{key}.start_pattern", map, "missing: the regex a line that starts an event matches");
        }

        return pattern is null ? null : new MultilineRule(pattern, maxLines, maxBytes, flush);
    }

    private static string? CheckRegex(YamlValues v, string key, YamlNode node)
    {
        var pattern = v.String(key, node);
        if (pattern is null)
        {
            return null;
        }

        try
        {
            _ = new Regex(pattern, RegexOptions.CultureInvariant);
            return pattern;
        }
        catch (ArgumentException e)
        {
            v.Error(key, node, $"not a valid regex: {e.Message}");
            return null;
        }
    }
}
