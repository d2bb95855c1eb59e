using System.Diagnostics;

namespace LogPipeline.Bench.Ingest;

/// <summary>
/// The two forms of the shipper the end-to-end run can start: the framework-dependent JIT build (<c>dotnet
/// shipper.dll</c>, what <c>dotnet build</c> makes) and the ReadyToRun build of <c>deploy/install.sh</c>
/// (<c>SHIPPER_BUILD=r2r</c>, its fallback without a C toolchain): a trimmed, ReadyToRun-precompiled, self-contained
/// single file, published here with the same command. install.sh's default, Native AOT, uses less CPU still
/// (docs/benchmarks.md "Shipper"), so the r2r figures are conservative for the shipper's share.
/// </summary>
internal static class ShipperBuild
{
    public const string Jit = "jit";
    public const string ReadyToRun = "r2r";

    /// <summary>The program and leading arguments that start the shipper in <paramref name="form"/>.</summary>
    public static async Task<string[]> CommandAsync(string form, string work) => form switch
    {
        Jit => ["dotnet", Dll("shipper")],
        ReadyToRun => [await PublishAsync(Path.Combine(work, "shipper-r2r"))],
        _ => throw new ArgumentException($"unknown shipper form '{form}': use {Jit}, {ReadyToRun} or both", nameof(form)),
    };

    /// <summary>The Release build's dll of <paramref name="name"/> (ingest, shipper) above the bench's own folder.</summary>
    public static string Dll(string name) =>
        Find(Path.Combine(name, "bin", "Release", "net10.0", name + ".dll")) ?? throw new FileNotFoundException($"{name}.dll (Release) not found: build with -c Release");

    /// <summary>The first <paramref name="relative"/> path that exists above the bench's own folder.</summary>
    private static string? Find(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, relative);
            if (File.Exists(path))
            {
                return path;
            }
        }

        return null;
    }

    /// <summary>Publishes the shipper as deploy/install.sh does with SHIPPER_BUILD=r2r and returns the binary's path.</summary>
    private static async Task<string> PublishAsync(string output)
    {
        var project = Find(Path.Combine("shipper", "LogPipeline.Shipper.csproj")) ?? throw new FileNotFoundException("shipper/LogPipeline.Shipper.csproj not found above the bench");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])["publish", project, "-c", "Release", "-r", "linux-x64", "--self-contained",
                     "-p:PublishSingleFile=true", "-p:PublishTrimmed=true", "-p:PublishReadyToRun=true", "-p:TieredPGO=false", "-o", output])
        {
            info.ArgumentList.Add(arg);
        }

        Console.WriteLine($"publishing the shipper (ReadyToRun single file, as deploy/install.sh with SHIPPER_BUILD=r2r) to {output}");
        using var publish = Process.Start(info)!;
        var stdout = publish.StandardOutput.ReadToEndAsync();
        var stderr = publish.StandardError.ReadToEndAsync();
        await publish.WaitForExitAsync();
        if (publish.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish of the shipper failed ({publish.ExitCode}):\n{await stdout}\n{await stderr}");
        }

        return Path.Combine(output, "shipper");
    }
}
