using System.Text.Json.Nodes;
using LogPipeline.Store.Elasticsearch;
using LogPipeline.Store.Tests.Support;

namespace LogPipeline.Store.Tests.Elasticsearch;

public sealed class ElasticsearchWriteTests : IDisposable
{
    private readonly EsHarness _es = new();

    public void Dispose() => _es.Dispose();

    private static List<LogRecord> TwoEvents() =>
    [
        Events.Access("a", Events.Day0.AddMinutes(1), path: "/a"),
        Events.Access("b", Events.Day0.AddMinutes(2), ip: "198.51.100.23", method: "POST", path: "/wp-login.php", status: 403),
    ];

    [Fact]
    public async Task WriteAsync_TwoEvents_SendsCreateActionsWithIdsAsNdjson()
    {
        _es.Cluster.Then("POST /_bulk", 200, EsResponses.Bulk(EsResponses.Created("a"), EsResponses.Created("b", 1)));

        await _es.Store.WriteAsync(TwoEvents(), CancellationToken.None);

        var bulk = Assert.Single(_es.Cluster.Bulks);
        Assert.Equal("application/x-ndjson", bulk.ContentType);
        Assert.Equal(EsHarness.Golden("bulk-two-events.ndjson"), bulk.Body);
    }

    [Fact]
    public async Task WriteAsync_AllCreated_ReportsEachStored()
    {
        _es.Cluster.Then("POST /_bulk", 200, EsResponses.Bulk(EsResponses.Created("a"), EsResponses.Created("b", 1)));

        var result = await _es.Store.WriteAsync(TwoEvents(), CancellationToken.None);

        Assert.Equal([WriteStatus.Stored, WriteStatus.Stored], result.Outcomes.Select(o => o.Status));
        Assert.Empty(_es.DeadLetters);
    }

    [Fact]
    public async Task WriteAsync_PartialFailureWithErrorsTrue_ReportsEveryItemOnItsOwn()
    {
        var events = Events.Minutes(Events.Day0, 3);
        _es.Cluster.Then("POST /_bulk", 200, EsResponses.Bulk(EsResponses.Created("e0000"), EsResponses.Conflict("e0001"), EsResponses.MapperParsing("e0002")));

        var result = await _es.Store.WriteAsync(events, CancellationToken.None);

        Assert.Equal([WriteStatus.Stored, WriteStatus.Duplicate, WriteStatus.Failed], result.Outcomes.Select(o => o.Status));
        Assert.Equal((1, 1, 1), (result.Stored, result.Duplicates, result.Failed));
        Assert.Contains("HTTP 400: mapper_parsing_exception: failed to parse field [http.response.status_code]", result.Outcomes[2].Reason);
        Assert.Contains("caused by illegal_argument_exception", result.Outcomes[2].Reason);
        Assert.Single(_es.Cluster.Bulks);
    }

    [Fact]
    public async Task WriteAsync_ErrorsFalseButAnItemNot201_StillReadsTheItem()
    {
        // The errors flag is only a summary: every item's status is read whatever it says.
        _es.Cluster.Then("POST /_bulk", 200, """{"errors":false,"took":1,"items":[{"create":{"_index":"x","_id":"a","status":409,"error":{"type":"version_conflict_engine_exception","reason":"[a]: version conflict, document already exists (current version [1])"}}},{"create":{"_index":"x","_id":"b","status":201}}]}""");

        var result = await _es.Store.WriteAsync(TwoEvents(), CancellationToken.None);

        Assert.Equal([WriteStatus.Duplicate, WriteStatus.Stored], result.Outcomes.Select(o => o.Status));
    }

    [Fact]
    public async Task WriteAsync_MapperParsingError_KeepsTheEventInTheDeadLetterFileWithTheReason()
    {
        _es.Cluster.Then("POST /_bulk", 200, EsResponses.Bulk(EsResponses.Created("a"), EsResponses.MapperParsing("b")));

        await _es.Store.WriteAsync(TwoEvents(), CancellationToken.None);

        var letter = JsonNode.Parse(Assert.Single(_es.DeadLetters))!;
        Assert.Equal("b", (string?)letter["id"]);
        Assert.Equal(400, (int?)letter["status"]);
        Assert.Equal("logs-apache.access-default", (string?)letter["index"]);
        Assert.StartsWith("HTTP 400: mapper_parsing_exception", (string?)letter["reason"]);
        Assert.Equal("/wp-login.php", (string?)letter["document"]!["url"]!["original"]);
        Assert.Equal("2026-11-21T00:00:00Z", (string?)letter["@timestamp"]);
        Assert.Equal(1, _es.Store.Stats.DeadLettered);
    }

    [Fact]
    public async Task WriteAsync_ItemsRejected429ThenCreated_ResendsOnlyTheRejectedItemsAfterABackoff()
    {
        var events = Events.Minutes(Events.Day0, 3);
        _es.Cluster
            .Then("POST /_bulk", 200, EsResponses.Bulk(EsResponses.Created("e0000"), EsResponses.Rejected("e0001"), EsResponses.Rejected("e0002")))
            .Then("POST /_bulk", 200, EsResponses.Bulk(EsResponses.Rejected("e0001"), EsResponses.Created("e0002", 1)))
            .Then("POST /_bulk", 200, EsResponses.Bulk(EsResponses.Created("e0001", 2)));

        var result = await _es.Store.WriteAsync(events, CancellationToken.None);

        Assert.Equal(3, result.Stored);
        var ids = _es.Cluster.Bulks.Select(b => string.Join(",", ActionIds(b.Body))).ToList();
        Assert.Equal(["e0000,e0001,e0002", "e0001,e0002", "e0001"], ids);
        Assert.Equal(2, _es.Waits.Count);
        Assert.True(_es.Waits[1] > _es.Waits[0] / 2, "the backoff grows");
        Assert.Empty(_es.DeadLetters);
        Assert.Equal((3L, 3L, 0L), (_es.Store.Stats.BulkRequests, _es.Store.Stats.ItemRetries, _es.Store.Stats.RequestRetries));
    }

    [Fact]
    public async Task WriteAsync_ItemRejectedBeyondMaxRetries_FailsItWithoutDeadLettering()
    {
        _es.Cluster.Always("POST /_bulk", 200, EsResponses.Bulk(EsResponses.Rejected("a")));

        var result = await _es.Store.WriteAsync([TwoEvents()[0]], CancellationToken.None);

        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(WriteStatus.Failed, outcome.Status);
        Assert.Contains("after 3 retries (send it again later): HTTP 429: es_rejected_execution_exception", outcome.Reason);
        Assert.Equal(4, _es.Cluster.Bulks.Count());
        Assert.Equal(3, _es.Waits.Count);
        Assert.Empty(_es.DeadLetters);
    }

    [Fact]
    public async Task WriteAsync_Whole503ThenSuccess_RetriesTheRequestAndStores()
    {
        _es.Cluster
            .Then("POST /_bulk", 503, EsResponses.Unavailable)
            .Then("POST /_bulk", 200, EsResponses.Bulk(EsResponses.Created("a"), EsResponses.Created("b", 1)));

        var result = await _es.Store.WriteAsync(TwoEvents(), CancellationToken.None);

        Assert.Equal(2, result.Stored);
        Assert.Equal(2, _es.Cluster.Bulks.Count());
        Assert.Single(_es.Waits);
        Assert.Equal(_es.Cluster.Bulks.First().Body, _es.Cluster.Bulks.Last().Body);
        Assert.Equal((1L, 1L), (_es.Store.Stats.BulkRequests, _es.Store.Stats.RequestRetries));
    }

    [Fact]
    public async Task WriteAsync_Whole503Always_FailsEveryEventWithTheClusterReason()
    {
        _es.Cluster.Always("POST /_bulk", 503, EsResponses.Unavailable);

        var result = await _es.Store.WriteAsync(TwoEvents(), CancellationToken.None);

        Assert.All(result.Outcomes, o => Assert.Contains("_bulk failed: HTTP 503 from http://es1.test:9200: cluster_block_exception", o.Reason));
        Assert.Equal(4, _es.Cluster.Bulks.Count());
        Assert.Empty(_es.DeadLetters);
    }

    [Fact]
    public async Task WriteAsync_Unauthorized_FailsEveryEventWithACredentialsHintWithoutRetrying()
    {
        _es.Cluster.Always("POST /_bulk", 401, EsResponses.Unauthorized);

        var result = await _es.Store.WriteAsync(TwoEvents(), CancellationToken.None);

        Assert.All(result.Outcomes, o => Assert.Equal(WriteStatus.Failed, o.Status));
        Assert.Contains("HTTP 401 from http://es1.test:9200: security_exception", result.Outcomes[0].Reason);
        Assert.Contains("Username/Password or ApiKey", result.Outcomes[0].Reason);
        Assert.Single(_es.Cluster.Bulks);
        Assert.Empty(_es.Waits);
    }

    [Fact]
    public async Task WriteAsync_FirstNodeRefusesConnection_SendsToTheNextNode()
    {
        using var es = new EsHarness(o => o.Urls = [new Uri("http://es1.test:9200"), new Uri("http://es2.test:9200")]);
        es.Cluster.ThenRefuseConnection("POST /_bulk").Then("POST /_bulk", 200, EsResponses.Bulk(EsResponses.Created("a"), EsResponses.Created("b", 1)));

        var result = await es.Store.WriteAsync(TwoEvents(), CancellationToken.None);

        Assert.Equal(2, result.Stored);
        Assert.Equal(["http://es1.test:9200", "http://es2.test:9200"], es.Cluster.Bulks.Select(b => b.Node));
    }

    [Fact]
    public async Task WriteAsync_NodeAnswers503_RetriesOnTheNextNodeAndStaysThere()
    {
        using var es = new EsHarness(o => o.Urls = [new Uri("http://es1.test:9200"), new Uri("http://es2.test:9200")]);
        es.Cluster.Then("POST /_bulk", 503, EsResponses.Unavailable);
        es.Cluster.Always("POST /_bulk", 200, EsResponses.Bulk(EsResponses.Created("a"), EsResponses.Created("b", 1)));

        await es.Store.WriteAsync(TwoEvents(), CancellationToken.None);
        await es.Store.WriteAsync(TwoEvents(), CancellationToken.None);

        Assert.Equal(["http://es1.test:9200", "http://es2.test:9200", "http://es2.test:9200"], es.Cluster.Bulks.Select(b => b.Node));
    }

    [Fact]
    public async Task WriteAsync_ClusterDownAtFirstWrite_FailsEventsThenInitializesOnTheNextWrite()
    {
        _es.Cluster.Then("GET /", 401, EsResponses.Unauthorized);
        _es.Cluster.Then("POST /_bulk", 200, EsResponses.Bulk(EsResponses.Created("a"), EsResponses.Created("b", 1)));

        var first = await _es.Store.WriteAsync(TwoEvents(), CancellationToken.None);
        var second = await _es.Store.WriteAsync(TwoEvents(), CancellationToken.None);

        Assert.All(first.Outcomes, o => Assert.Contains("cluster check (GET /) failed: HTTP 401", o.Reason));
        Assert.Equal(2, second.Stored);
    }

    [Fact]
    public async Task WriteAsync_DailyIndices_NamesTheIndexByTheEventsUtcDay()
    {
        using var es = new EsHarness(o => o.DailyIndices = true);
        var late = Events.Access("late", new DateTimeOffset(2026, 11, 20, 23, 30, 0, TimeSpan.FromHours(-2)));
        es.Cluster.Then("POST /_bulk", 200, EsResponses.Bulk(EsResponses.Created("late")));

        await es.Store.WriteAsync([late], CancellationToken.None);

        Assert.Equal("""{"create":{"_index":"logs-apache.access-default-2026.11.21","_id":"late"}}""", Assert.Single(es.Cluster.Bulks).Body.Split('\n')[0]);
    }

    [Fact]
    public async Task WriteAsync_DocumentNotJson_FailsAndDeadLettersItWithoutSendingIt()
    {
        var broken = Events.Access("x", Events.Day0) with { DocumentJson = "{\"message\": " };
        _es.Cluster.Then("POST /_bulk", 200, EsResponses.Bulk(EsResponses.Created("a")));

        var result = await _es.Store.WriteAsync([broken, TwoEvents()[0]], CancellationToken.None);

        Assert.Equal([WriteStatus.Failed, WriteStatus.Stored], result.Outcomes.Select(o => o.Status));
        Assert.Contains("not valid JSON", result.Outcomes[0].Reason);
        Assert.Equal("{\"message\": ", (string?)JsonNode.Parse(Assert.Single(_es.DeadLetters))!["document"]);
        Assert.Equal(["a"], ActionIds(Assert.Single(_es.Cluster.Bulks).Body));
    }

    [Fact]
    public async Task WriteAsync_BatchOverMaxBulkBytes_SendsConsecutiveRequestsInOrder()
    {
        using var es = new EsHarness(o => o.MaxBulkBytes = 1400);
        var events = Events.Minutes(Events.Day0, 5);
        es.Cluster.Always("POST /_bulk", 200, EsResponses.Bulk(EsResponses.Created("x"), EsResponses.Created("y", 1)));
        es.Cluster.Then("POST /_bulk", 200, EsResponses.Bulk(EsResponses.Created("e0000"), EsResponses.Created("e0001", 1)));
        es.Cluster.Then("POST /_bulk", 200, EsResponses.Bulk(EsResponses.Created("e0002"), EsResponses.Created("e0003", 1)));
        es.Cluster.Then("POST /_bulk", 200, EsResponses.Bulk(EsResponses.Created("e0004")));

        var result = await es.Store.WriteAsync(events, CancellationToken.None);

        Assert.Equal(["e0000,e0001", "e0002,e0003", "e0004"], es.Cluster.Bulks.Select(b => string.Join(",", ActionIds(b.Body))));
        Assert.Equal(5, result.Stored);
        Assert.All(es.Cluster.Bulks, b => Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(b.Body), 1, 1400));
    }

    [Fact]
    public async Task WriteAsync_DocumentWithoutTimestamp_GetsTheRecordsTime()
    {
        var bare = Events.Access("a", Events.Day0.AddTicks(5)) with { DocumentJson = """{"message":"x"}""" };
        _es.Cluster.Then("POST /_bulk", 200, EsResponses.Bulk(EsResponses.Created("a")));

        await _es.Store.WriteAsync([bare], CancellationToken.None);

        Assert.Equal("""{"message":"x","event":{"id":"a"},"@timestamp":"2026-11-20T00:00:00.0000005Z"}""", Assert.Single(_es.Cluster.Bulks).Body.Split('\n')[1]);
    }

    [Fact]
    public async Task WriteAsync_IdOver512Bytes_FailsWithoutSending()
    {
        var result = await _es.Store.WriteAsync([Events.Access(new string('é', 300), Events.Day0)], CancellationToken.None);

        Assert.Contains("600 bytes", Assert.Single(result.Outcomes).Reason);
        Assert.Empty(_es.Cluster.Bulks);
    }

    [Fact]
    public async Task WriteAsync_NoNodeAnswers_FailsEveryEventWithTheNetworkReasonAfterTheRetries()
    {
        _es.Cluster.Then("GET /", 200, EsResponses.Root("8.15.3"));
        for (var i = 0; i < 4; i++)
        {
            _es.Cluster.ThenRefuseConnection("POST /_bulk");
        }

        var result = await _es.Store.WriteAsync(TwoEvents(), CancellationToken.None);

        Assert.All(result.Outcomes, o => Assert.Contains("_bulk failed: no answer from http://es1.test:9200: Connection refused", o.Reason));
        Assert.Equal(3, _es.Waits.Count);
        Assert.Empty(_es.DeadLetters);
    }

    [Fact]
    public async Task WriteAsync_CancelledDuringBackoff_ThrowsOperationCanceled()
    {
        using var cancel = new CancellationTokenSource();
        var delays = 0;
        using var store = new ElasticsearchLogStore(
            _es.Options, _es.Clock, _es.Cluster, (_, ct) => { delays++; cancel.Cancel(); ct.ThrowIfCancellationRequested(); return Task.CompletedTask; }, new Random(1));
        _es.Cluster.Always("POST /_bulk", 200, EsResponses.Bulk(EsResponses.Rejected("a"), EsResponses.Created("b")));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.WriteAsync(TwoEvents(), cancel.Token));
        Assert.Equal(1, delays);
    }

    [Fact]
    public async Task WriteAsync_ResponseWithFewerItems_FailsTheBatchNamingTheMismatch()
    {
        _es.Cluster.Then("POST /_bulk", 200, EsResponses.Bulk(EsResponses.Created("a")));

        var result = await _es.Store.WriteAsync(TwoEvents(), CancellationToken.None);

        Assert.All(result.Outcomes, o => Assert.Contains("1 items for 2 actions", o.Reason));
    }

    private static IEnumerable<string> ActionIds(string ndjson) =>
        ndjson.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonNode.Parse(line)!)
            .Where(n => n["create"] is not null)
            .Select(n => (string)n["create"]!["_id"]!);
}
