namespace LogPipeline.LocalStack;

/// <summary>Finds the repository and the binaries that <c>dotnet run</c> just built.</summary>
internal static class Repo
{
    public static string FindRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "LogPipeline.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("run this from inside the LogPipeline repository (LogPipeline.sln not found)");
    }

    /// <summary>The service's dll in the same configuration (Debug/Release) as this launcher.</summary>
    public static string Dll(string repo, string name)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var path = Path.Combine(repo, name, "bin", configuration, "net10.0", name + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"{path} is missing: build with 'dotnet build LogPipeline.sln'");
    }
}
