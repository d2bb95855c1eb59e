namespace LogPipeline.Shipper.Tools;

/// <summary>Parses <c>--name value</c> pairs (and bare <c>--flag</c>s).</summary>
internal static class Args
{
    public static Dictionary<string, string> Parse(string[] args)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i].TrimStart('-');
            var hasValue = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            result[name] = hasValue ? args[++i] : "true";
        }

        return result;
    }
}
