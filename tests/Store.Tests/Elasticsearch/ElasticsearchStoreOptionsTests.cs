using LogPipeline.Store.Elasticsearch;
using LogPipeline.Store.Tests.Support;

namespace LogPipeline.Store.Tests.Elasticsearch;

public sealed class ElasticsearchStoreOptionsTests
{
    [Fact]
    public void Validate_ManyBadKeys_ReportsEveryOneAtOnce()
    {
        var options = new ElasticsearchStoreOptions
        {
            Urls = [new Uri("ftp://es1:9200")],
            Username = "ingest",
            ApiKey = "key",
            CaFile = "/nonexistent/ca.crt",
            Namespace = "Prod-1",
            IndexPrefix = string.Empty,
            MaxRetries = -1,
            MaxBackoff = TimeSpan.FromMilliseconds(1),
        };

        var errors = options.Validate();

        foreach (var key in (string[])["Urls", "Username and Password", "ApiKey and Username", "CaFile", "Namespace", "IndexPrefix", "MaxRetries", "InitialBackoff", "DeadLetterPath"])
        {
            Assert.Contains(errors, e => e.Contains("ElasticsearchStoreOptions." + key));
        }
    }

    [Fact]
    public void Validate_Defaults_OnlyUrlsAndDeadLetterPathMissing()
    {
        var errors = new ElasticsearchStoreOptions().Validate();

        Assert.Equal(2, errors.Count);
    }

    [Fact]
    public void Warnings_InsecureSkipVerify_SaysCertificatesAreNotVerified()
    {
        var options = new ElasticsearchStoreOptions { Urls = [new Uri("https://es1:9200")], InsecureSkipVerify = true };

        Assert.Contains(options.Warnings(), w => w.Contains("NOT verified"));
    }

    [Fact]
    public void Ctor_InvalidOptions_ThrowsWithEveryError()
    {
        var error = Assert.Throws<ArgumentException>(() => new ElasticsearchLogStore(new ElasticsearchStoreOptions(), new FakeTimeProvider(Events.Day0)));

        Assert.Contains("Urls", error.Message);
        Assert.Contains("DeadLetterPath", error.Message);
    }

    [Theory]
    [InlineData("apache.access", "apache.access")]
    [InlineData("HAProxy-HTTP", "haproxy_http")]
    [InlineData(null, "generic")]
    [InlineData("a b/c*d", "a_b_c_d")]
    public void Dataset_AnyText_BecomesAValidNamePart(string? dataset, string expected) =>
        Assert.Equal(expected, IndexNames.Dataset(dataset));

    [Fact]
    public void BackoffDelay_Retries_GrowTwiceThenStopAtTheCap()
    {
        var backoff = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), new Random(7));

        var waits = Enumerable.Range(1, 6).Select(backoff.Delay).ToList();

        Assert.InRange(waits[0], TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1));
        Assert.InRange(waits[1], TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        Assert.InRange(waits[2], TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4));
        Assert.All(waits.Skip(3), w => Assert.InRange(w, TimeSpan.FromSeconds(2.5), TimeSpan.FromSeconds(5)));
    }
}
