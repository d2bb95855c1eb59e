using System.Runtime.CompilerServices;

namespace LogPipeline.Parsers.Tests.Golden;

/// <summary>
/// Golden cases: <c>Golden/&lt;dataset&gt;/&lt;case&gt;.log</c> in, <c>&lt;case&gt;.ndjson</c> out. Set
/// LOGPIPELINE_UPDATE_GOLDEN=1 to rewrite the expected files in the source tree (then review every diff by hand).
/// </summary>
internal static class GoldenFiles
{
    public const string UpdateVariable = "LOGPIPELINE_UPDATE_GOLDEN";

    /// <summary>Every case as (dataset, case name), read from the copy next to the test assembly.</summary>
    public static IEnumerable<(string Dataset, string Case)> All()
    {
        var root = Path.Combine(AppContext.BaseDirectory, "Golden");
        foreach (var log in Directory.EnumerateFiles(root, "*.log", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            yield return (Path.GetFileName(Path.GetDirectoryName(log)!), Path.GetFileNameWithoutExtension(log));
        }
    }

    public static string LogPath(string dataset, string name) => Path.Combine(AppContext.BaseDirectory, "Golden", dataset, name + ".log");

    public static string ExpectedPath(string dataset, string name) => Path.Combine(AppContext.BaseDirectory, "Golden", dataset, name + ".ndjson");

    public static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    /// <summary>Writes the new expectation into the source tree (not the build output).</summary>
    public static void Update(string dataset, string name, string content) =>
        File.WriteAllText(Path.Combine(SourceDirectory(), dataset, name + ".ndjson"), content);

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
