using LogPipeline.Ingest.Configuration;
using LogPipeline.Ingest.Hosting;
using LogPipeline.Store;
using Microsoft.Extensions.DependencyInjection;

namespace LogPipeline.Ingest.Tests.Hosting;

public sealed class IngestServiceTests
{
    [Fact]
    public void Build_NoTokenAndNoNoAuth_RefusesAndSaysWhatToGive()
    {
        var errors = new StringWriter();

        var app = IngestService.Build(["--data-dir", Path.GetTempPath()], errors);

        Assert.Null(app);
        Assert.Contains("--token", errors.ToString(), StringComparison.Ordinal);
        Assert.Contains("--no-auth", errors.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--tokn", "unknown option '--tokn'")]
    [InlineData("--data-dir", "option '--data-dir' needs a value")]
    [InlineData("stray", "unexpected argument 'stray'")]
    public void Build_BadFlag_NamesIt(string flag, string expected)
    {
        var errors = new StringWriter();

        Assert.Null(IngestService.Build(["--no-auth", flag], errors));
        Assert.Contains(expected, errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_SeveralBadSettings_ReportsEveryKeyAtOnce()
    {
        var settings = Path.Combine(Path.GetTempPath(), $"ingest-bad-{Guid.NewGuid():N}.json");
        File.WriteAllText(settings, """{ "Ingest": { "MaxEventBytes": 0, "MaxConcurrentBatches": -1, "DefaultTimeZone": "Mars/Olympus" } }""");
        var errors = new StringWriter();

        Assert.Null(IngestService.Build(["--no-auth", "--config", settings], errors));
        var text = errors.ToString();
        Assert.Contains("Ingest:MaxEventBytes", text, StringComparison.Ordinal);
        Assert.Contains("Ingest:MaxConcurrentBatches", text, StringComparison.Ordinal);
        Assert.Contains("Mars/Olympus", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_DefaultSettings_NewDaysAreSchema3WithTheirTextIndexInItsOwnFile()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), $"ingest-default-{Guid.NewGuid():N}");
        try
        {
            await using (var app = IngestService.Build(["--no-auth", "--data-dir", dataDir], new StringWriter())!)
            {
                var sink = app.Services.GetRequiredService<ILogSink>();
                var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow(); // the service's own clock: the store keeps only recent days
                var record = new LogRecord { Id = "default-1", Timestamp = now, DocumentJson = """{"message":"written with the defaults"}""" };

                await sink.WriteAsync([record], CancellationToken.None);
            }

            Assert.Single(Directory.GetFiles(dataDir, "events-*.fts.db"));
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    [Fact]
    public void Build_ElasticsearchStoreWithoutUrls_NamesTheKey()
    {
        var settings = Path.Combine(Path.GetTempPath(), $"ingest-es-{Guid.NewGuid():N}.json");
        File.WriteAllText(settings, """{ "Ingest": { "Store": "elasticsearch", "Elasticsearch": { "Username": "elastic" } } }""");
        var errors = new StringWriter();

        Assert.Null(IngestService.Build(["--no-auth", "--config", settings, "--data-dir", Path.GetTempPath()], errors));
        Assert.Contains("Ingest:Elasticsearch:Urls", errors.ToString(), StringComparison.Ordinal);
        Assert.Contains("Ingest:Elasticsearch:Username and Password", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_UnknownStore_NamesTheKey()
    {
        var settings = Path.Combine(Path.GetTempPath(), $"ingest-store-{Guid.NewGuid():N}.json");
        File.WriteAllText(settings, """{ "Ingest": { "Store": "mongodb" } }""");
        var errors = new StringWriter();

        Assert.Null(IngestService.Build(["--no-auth", "--config", settings, "--data-dir", Path.GetTempPath()], errors));
        Assert.Contains("Ingest:Store is 'mongodb'", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_TokensFileWithBadLine_NamesFileAndLine()
    {
        var file = Path.Combine(Path.GetTempPath(), $"tokens-{Guid.NewGuid():N}.txt");
        File.WriteAllText(file, "# shippers\nweb1 sha256:" + new string('a', 64) + "\nweb2 plain-token\n");
        var errors = new StringWriter();

        Assert.Null(IngestService.Build(["--tokens-file", file, "--data-dir", Path.GetTempPath()], errors));
        Assert.Contains($"{file}:3", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_DefaultSettings_AcknowledgesOnceTheRowsAreDurable()
    {
        await using var app = IngestService.Build(["--no-auth", "--data-dir", Path.GetTempPath()], new StringWriter())!;

        var options = app.Services.GetRequiredService<IngestOptions>();

        Assert.False(options.WaitForTextIndex);
        Assert.False(IngestService.SqliteOptionsFor(options).WaitForTextIndex);
    }

    [Fact]
    public async Task Build_WaitForTextIndexTrue_IsPassedToTheStore()
    {
        var settings = Path.Combine(Path.GetTempPath(), $"ingest-wait-{Guid.NewGuid():N}.json");
        File.WriteAllText(settings, """{ "Ingest": { "WaitForTextIndex": true } }""");

        await using var app = IngestService.Build(["--no-auth", "--config", settings, "--data-dir", Path.GetTempPath()], new StringWriter())!;
        var options = app.Services.GetRequiredService<IngestOptions>();

        Assert.True(options.WaitForTextIndex);
        Assert.True(IngestService.SqliteOptionsFor(options).WaitForTextIndex);
    }

    [Fact]
    public void Build_WaitForTextIndexNotABoolean_NamesTheKeyAndEveryOtherProblem()
    {
        var errors = RefusedSettings("""{ "Ingest": { "WaitForTextIndex": "yes", "MaxConcurrentBatches": 0 } }""");

        Assert.Contains("Ingest:WaitForTextIndex", errors, StringComparison.Ordinal);
        Assert.Contains("true or false", errors, StringComparison.Ordinal);
        Assert.Contains("Ingest:MaxConcurrentBatches", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_TwoValuesOfTheWrongType_NamesBoth()
    {
        // MaxConcurrentBatches is declared before WaitForTextIndex: the binder alone stopped at the first.
        var errors = RefusedSettings("""{ "Ingest": { "WaitForTextIndex": "yes", "MaxConcurrentBatches": "lots" } }""");

        Assert.Contains("'yes' at 'Ingest:WaitForTextIndex'", errors, StringComparison.Ordinal);
        Assert.Contains("'lots' at 'Ingest:MaxConcurrentBatches'", errors, StringComparison.Ordinal);
    }

    /// <summary>Builds ingest with <paramref name="json"/> as its settings file, asserts it refused to start, and returns what it wrote.</summary>
    private static string RefusedSettings(string json)
    {
        var settings = Path.Combine(Path.GetTempPath(), $"ingest-settings-{Guid.NewGuid():N}.json");
        File.WriteAllText(settings, json);
        var errors = new StringWriter();
        try
        {
            Assert.Null(IngestService.Build(["--no-auth", "--config", settings, "--data-dir", Path.GetTempPath()], errors));
        }
        finally
        {
            File.Delete(settings);
        }

        return errors.ToString();
    }
}
