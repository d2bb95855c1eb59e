namespace LogPipeline.Parsers.Formats;

/// <summary>The three lines a server writes at the top of its slow log when it starts.</summary>
internal static class MysqlSlowlogBanner
{
    public static bool IsBannerLine(ReadOnlySpan<char> line) =>
        (line.Contains(", Version: ", StringComparison.Ordinal) && line.EndsWith("started with:", StringComparison.Ordinal))
        || (line.StartsWith("Tcp port: ", StringComparison.Ordinal) && line.Contains("Unix socket: ", StringComparison.Ordinal))
        || (line.StartsWith("Time", StringComparison.Ordinal) && line.EndsWith("Argument", StringComparison.Ordinal) && line.Contains("Command", StringComparison.Ordinal));
}
