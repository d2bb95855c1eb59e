using System.Text;

namespace LogPipeline.Store.Elasticsearch;

public sealed partial class ElasticsearchLogStore
{
    private const int MaxIdBytes = 512;

    /// <summary>
    /// Writes the batch with <c>_bulk</c> and reports each event: 201 stored, 409 duplicate; items rejected with 429 or
    /// 5xx are sent again (those items only) with backoff; items refused for good (mapping errors and other 4xx) are
    /// failed with Elasticsearch's reason and kept in the dead-letter file. When the cluster cannot be reached or
    /// refuses the whole request after the retries, every remaining event is failed with the reason, so that the
    /// sender keeps it and tries again later. Returns once Elasticsearch has acknowledged the stored events (the
    /// translog is fsynced per request by default).
    /// </summary>
    public async Task<WriteResult> WriteAsync(IReadOnlyList<LogRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        var outcomes = new WriteOutcome[records.Count];
        var deadLetters = new List<DeadLetter>();
        var pending = Prepare(records, outcomes, deadLetters);
        if (pending.Count > 0 && await InitializeForWriteAsync(cancellationToken) is { } problem)
        {
            FailAll(pending, outcomes, problem);
            pending = [];
        }

        for (var retry = 1; pending.Count > 0; retry++)
        {
            var retryable = new List<(BulkItem Item, string Reason)>();
            foreach (var chunk in BulkRequest.Chunks(pending, _options.MaxBulkBytes))
            {
                retryable.AddRange(await SendBulkAsync(chunk, outcomes, deadLetters, cancellationToken));
            }

            if (retryable.Count > 0 && retry > _options.MaxRetries)
            {
                foreach (var (item, reason) in retryable)
                {
                    outcomes[item.Position] = new WriteOutcome(
                        WriteStatus.Failed, $"Elasticsearch still rejected event {item.Id} after {_options.MaxRetries} retries (send it again later): {reason}");
                }

                break;
            }

            pending = retryable.ConvertAll(r => r.Item);
            if (pending.Count > 0)
            {
                Stats.ItemsRetried(pending.Count);
                await _delay(_backoff.Delay(retry), cancellationToken);
            }
        }

        await _deadLetters.AppendAsync(deadLetters, cancellationToken);
        Stats.DeadLetters(deadLetters.Count);
        return new WriteResult(outcomes);
    }

    /// <summary>The bulk items for the records that can be sent; the others are failed (and dead-lettered) here.</summary>
    private List<BulkItem> Prepare(IReadOnlyList<LogRecord> records, WriteOutcome[] outcomes, List<DeadLetter> deadLetters)
    {
        var items = new List<BulkItem>(records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            var idBytes = string.IsNullOrEmpty(record.Id) ? 0 : Encoding.UTF8.GetByteCount(record.Id);
            if (idBytes is 0 or > MaxIdBytes)
            {
                outcomes[i] = new WriteOutcome(WriteStatus.Failed, $"record {i} has an id of {idBytes} bytes: Elasticsearch ids must be 1 to {MaxIdBytes} bytes.");
                continue;
            }

            var index = _names.For(record);
            var document = BulkRequest.Document(record, out var error);
            if (document is null)
            {
                outcomes[i] = new WriteOutcome(WriteStatus.Failed, error);
                deadLetters.Add(new DeadLetter(error!, 0, index, record.Id, record.DocumentJson));
                continue;
            }

            items.Add(new BulkItem(i, index, record.Id, document));
        }

        return items;
    }

    /// <summary>Null when the cluster is ready, else why not (the events stay with the sender, to be sent again).</summary>
    private async Task<string?> InitializeForWriteAsync(CancellationToken cancellationToken)
    {
        try
        {
            await InitializeAsync(cancellationToken);
            return null;
        }
        catch (ElasticsearchStoreException e)
        {
            return e.Message;
        }
    }

    /// <summary>
    /// One <c>_bulk</c> round (whole-request failures retried inside); records the final outcomes and returns the
    /// items to send again with the reason they were rejected.
    /// </summary>
    private async Task<List<(BulkItem Item, string Reason)>> SendBulkAsync(
        List<BulkItem> items, WriteOutcome[] outcomes, List<DeadLetter> deadLetters, CancellationToken cancellationToken)
    {
        var retry = new List<(BulkItem, string)>();
        Stats.BulkSent();
        var response = await SendWithRetryAsync(HttpMethod.Post, "/_bulk", BulkRequest.Build(items), cancellationToken, BulkRequest.ContentType);
        if (!response.IsSuccess)
        {
            var hint = response.IsAuthFailure
                ? " Check ElasticsearchStoreOptions.Username/Password or ApiKey and the create_doc privilege on the target indices."
                : string.Empty;
            FailAll(items, outcomes, $"_bulk failed: {response.Describe()}.{hint}");
            return retry;
        }

        var results = BulkResponse.Read(response.Body, items.Count, out var error);
        if (results is null)
        {
            FailAll(items, outcomes, $"_bulk answer from {response.Node} could not be read: {error}");
            return retry;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var (item, result) = (items[i], results[i]);
            var reason = $"HTTP {result.Status}: {result.Reason ?? "no reason given"}";
            switch (result.Fate)
            {
                case ItemFate.Stored: outcomes[item.Position] = new WriteOutcome(WriteStatus.Stored); break;
                case ItemFate.Duplicate: outcomes[item.Position] = new WriteOutcome(WriteStatus.Duplicate); break;
                case ItemFate.Retry: retry.Add((item, reason)); break;
                default:
                    outcomes[item.Position] = new WriteOutcome(WriteStatus.Failed, $"Elasticsearch refused event {item.Id} for {item.Index} ({reason}); kept in {_deadLetters.Path}.");
                    deadLetters.Add(new DeadLetter(reason, result.Status, item.Index, item.Id, item.Document));
                    break;
            }
        }

        return retry;
    }

    private static void FailAll(List<BulkItem> items, WriteOutcome[] outcomes, string reason)
    {
        foreach (var item in items)
        {
            outcomes[item.Position] = new WriteOutcome(WriteStatus.Failed, reason);
        }
    }
}
