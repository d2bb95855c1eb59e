using LogPipeline.Shipper.Configuration;

namespace LogPipeline.Shipper.Tests.Configuration;

public sealed class ConfigLoaderTests
{
    private const string Valid = """
        name: web-01
        state_dir: /var/lib/shipper
        ingest:
          urls: [https://a.example:8443, https://b.example:8443]
          mode: round_robin
          token: t0k3n
          timeout: 5s
          tls:
            ca_file: /etc/ca.pem
        batch:
          max_events: 500
          max_bytes: 512KiB
          max_age: 250ms
        inputs:
          - paths: [/var/log/apache2/*.log]
            exclude: ["*.gz"]
            type: apache.access
            start_at: beginning
            fields: {env: prod, service.name: shop}
            tags: [web]
          - paths: /var/log/mysql/slow.log
            type: mysql.slowlog
        """;

    [Fact]
    public void Load_ValidConfig_ReadsEveryKey()
    {
        var (options, errors) = ConfigLoader.Load(Valid);

        Assert.Empty(errors);
        Assert.NotNull(options);
        Assert.Equal("web-01", options.Name);
        Assert.Equal(2, options.Ingest.Urls.Count);
        Assert.Equal(LoadBalancing.RoundRobin, options.Ingest.Mode);
        Assert.Equal(TimeSpan.FromSeconds(5), options.Ingest.Timeout);
        Assert.Equal("/etc/ca.pem", options.Ingest.CaFile);
        Assert.Equal(512 * 1024, options.Batch.MaxBytes);
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.Batch.MaxAge);
        var apache = options.Inputs[0];
        Assert.Equal(StartPosition.Beginning, apache.StartAt);
        Assert.Equal("shop", apache.Fields["service.name"]);
        Assert.Null(apache.Multiline);
        Assert.Equal(StartPosition.End, options.Inputs[1].StartAt);
        Assert.NotNull(options.Inputs[1].Multiline);
    }

    [Fact]
    public void Load_UnknownKeys_ReportsEachWithItsLine()
    {
        var yaml = Valid.Replace("  token: t0k3n", "  tokne: t0k3n").Replace("    type: mysql.slowlog", "    type: mysql.slowlog\n    colour: blue");

        var (options, errors) = ConfigLoader.Load(yaml);

        Assert.Null(options);
        Assert.Contains(errors, e => e.Key == "ingest.tokne" && e.Line == 6);
        Assert.Contains(errors, e => e.Key == "inputs[1].colour" && e.Line == 23);
        Assert.Contains(errors, e => e.Key == "ingest.token" && e.Problem.StartsWith("missing", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("type: apache.access", "type: apache.acess", "inputs[0].type", "unknown type 'apache.acess'")]
    [InlineData("max_age: 250ms", "max_age: soon", "batch.max_age", "not a duration")]
    [InlineData("max_bytes: 512KiB", "max_bytes: lots", "batch.max_bytes", "not a size")]
    [InlineData("start_at: beginning", "start_at: middle", "inputs[0].start_at", "'middle' is not end or beginning")]
    [InlineData("mode: round_robin", "mode: random", "ingest.mode", "not failover or round_robin")]
    [InlineData("urls: [https://a.example:8443, https://b.example:8443]", "url: ftp://x", "ingest.url", "not an http")]
    [InlineData("paths: [/var/log/apache2/*.log]", "paths: [logs/*.log]", "inputs[0].paths", "not an absolute path")]
    public void Load_BadValue_NamesKeyAndProblem(string good, string bad, string key, string problem)
    {
        var (options, errors) = ConfigLoader.Load(Valid.Replace(good, bad));

        Assert.Null(options);
        var error = Assert.Single(errors);
        Assert.Equal(key, error.Key);
        Assert.Contains(problem, error.Problem);
        Assert.True(error.Line > 0);
    }

    [Fact]
    public void Load_MissingSections_ReportsAllAtOnce()
    {
        var (_, errors) = ConfigLoader.Load("name: x\n");

        Assert.Equal(["state_dir", "ingest", "inputs"], errors.Select(e => e.Key));
    }

    [Fact]
    public void Load_YamlSyntaxError_ReportsLine()
    {
        var (_, errors) = ConfigLoader.Load("name: x\ningest: [unclosed\n");

        var error = Assert.Single(errors);
        Assert.Equal("(syntax)", error.Key);
        Assert.True(error.Line >= 2);
    }

    [Fact]
    public void Load_ExplicitMultiline_OverridesPresetAndChecksRegex()
    {
        var yaml = Valid.Replace("    type: mysql.slowlog", "    type: mysql.slowlog\n    multiline:\n      start_pattern: '^(bad'\n      max_lines: 10");

        var (_, errors) = ConfigLoader.Load(yaml);

        var error = Assert.Single(errors);
        Assert.Equal("inputs[1].multiline.start_pattern", error.Key);
        Assert.Contains("not a valid regex", error.Problem);
    }

    [Fact]
    public void Format_WithLine_IsFileLineKeyProblem()
    {
        Assert.Equal("c.yaml:3: ingest.url: bad", new ConfigError("ingest.url", 3, "bad").Format("c.yaml"));
    }
}
