using LogPipeline.Shipper.Hosting;

namespace LogPipeline.Shipper.Tests.Hosting;

public sealed class CliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("shipper-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await Cli.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private string Config(string yaml)
    {
        var path = Path.Combine(_dir, "shipper.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    [Fact]
    public async Task Run_BadConfig_OneLinePerProblemExit2()
    {
        var path = Config("state_dir: /tmp/x\ningest:\n  url: http://127.0.0.1:1\n  token: t\ninputs:\n  - paths: [/tmp/*.log]\n    type: nope\n");

        var (code, _, err) = await Run("run", "--config", path);

        Assert.Equal(Cli.Usage, code);
        Assert.Equal($"shipper: config error: {path}:7: inputs[0].type: unknown type 'nope' (expected one of: apache.access, apache.error, haproxy.log, mysql.error, mysql.slowlog, nginx.access, nginx.error, auto)",
            err.TrimEnd());
    }

    [Theory]
    [InlineData("run", "--confg", "x")]
    [InlineData("run")]
    [InlineData("frobnicate")]
    [InlineData("run", "--config")]
    public async Task Run_BadFlags_Exit2WithOneLine(params string[] args)
    {
        var (code, _, err) = await Run(args);

        Assert.Equal(Cli.Usage, code);
        Assert.Single(err.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task CheckConfig_MissingFile_Exit2NamesIt()
    {
        var (code, _, err) = await Run("check-config", Path.Combine(_dir, "absent.yaml"));

        Assert.Equal(Cli.Usage, code);
        Assert.Contains("absent.yaml", err);
    }

    [Fact]
    public async Task CheckConfig_Valid_Exit0()
    {
        var path = Config("state_dir: /tmp/x\ningest:\n  url: http://127.0.0.1:1\n  token: t\ninputs:\n  - paths: [/tmp/*.log]\n    type: auto\n");

        var (code, output, _) = await Run("check-config", path);

        Assert.Equal(Cli.Ok, code);
        Assert.Contains(": ok", output);
    }

    [Fact]
    public async Task Install_WritesUnitRunningAsUnprivilegedUserAndDefaultConfig()
    {
        var config = Path.Combine(_dir, "etc", "shipper.yaml");

        var (code, _, _) = await Run("install", "--unit-dir", _dir, "--config", config, "--binary", "/usr/local/bin/shipper");

        Assert.Equal(Cli.Ok, code);
        var unit = await File.ReadAllTextAsync(Path.Combine(_dir, Installer.UnitName));
        Assert.Contains($"ExecStart=/usr/local/bin/shipper run --config {config}", unit);
        Assert.Contains("User=logpipeline", unit);
        Assert.Equal(Cli.Ok, (await Run("check-config", config)).Code);
    }
}
