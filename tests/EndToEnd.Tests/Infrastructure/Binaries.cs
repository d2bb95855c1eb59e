namespace LogPipeline.EndToEnd.Tests.Infrastructure;

/// <summary>Where the real binaries are: built by the project references, in the same configuration as the tests.</summary>
internal static class Binaries
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    public static string Ingest => Dll("ingest", "ingest");

    public static string QueryUi => Dll("query-ui", "query-ui");

    public static string Shipper => Dll("shipper", "shipper");

    private static string Dll(string folder, string name)
    {
        var path = Path.Combine(RepoRoot, folder, "bin", Configuration, "net10.0", name + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"{path} is missing: build the solution first (dotnet build LogPipeline.sln)");
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LogPipeline.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("LogPipeline.sln not found above " + AppContext.BaseDirectory);
    }
}
