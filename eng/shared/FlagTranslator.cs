namespace LogPipeline.Hosting;

/// <summary>
/// Turns a service's flags into configuration keys, so flags, environment and appsettings.json are one model.
/// Unknown flags are errors: a typo must not silently start a service with defaults. Compiled into ingest and
/// query-ui as a shared source file (eng/shared), since neither references the other.
/// </summary>
internal sealed class FlagTranslator
{
    private readonly Dictionary<string, string> _valued = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _switches = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _repeatable = new(StringComparer.Ordinal);

    /// <summary><c>--name VALUE</c> or <c>--name=VALUE</c> sets <paramref name="key"/>.</summary>
    public FlagTranslator Value(string flag, string key)
    {
        _valued[flag] = key;
        return this;
    }

    /// <summary><c>--name</c> alone sets <paramref name="key"/> to true.</summary>
    public FlagTranslator Switch(string flag, string key)
    {
        _switches[flag] = key;
        return this;
    }

    /// <summary>Each <c>--name VALUE</c> adds <c>key:0</c>, <c>key:1</c>, … (a configuration list).</summary>
    public FlagTranslator Repeatable(string flag, string key)
    {
        _repeatable[flag] = key;
        return this;
    }

    public bool TryTranslate(IReadOnlyList<string> args, out Dictionary<string, string?> settings, out string? error)
    {
        settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        error = null;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            var (name, value) = arg.StartsWith("--", StringComparison.Ordinal) && eq > 0 ? (arg[..eq], arg[(eq + 1)..]) : (arg, null);
            if (_switches.TryGetValue(name, out var switchKey))
            {
                settings[switchKey] = value ?? "true";
                continue;
            }

            var repeatable = _repeatable.TryGetValue(name, out var key);
            if (!repeatable && !_valued.TryGetValue(name, out key))
            {
                var known = string.Join(", ", _valued.Keys.Concat(_repeatable.Keys).Concat(_switches.Keys).Order(StringComparer.Ordinal));
                error = arg.StartsWith('-') ? $"unknown option '{arg}' (known: {known})" : $"unexpected argument '{arg}' (options: {known})";
                return false;
            }

            if (value is null)
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    error = $"option '{name}' needs a value";
                    return false;
                }

                value = args[++i];
            }

            if (repeatable)
            {
                counts.TryGetValue(name, out var n);
                counts[name] = n + 1;
                key = $"{key}:{n}";
            }

            settings[key!] = value;
        }

        return true;
    }
}
