using Microsoft.Extensions.Logging;

namespace LogPipeline.Shipper.Forwarding;

internal sealed partial class Forwarder
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending to {Url} failed ({Status}: {Reason}); retry in {DelaySeconds:0.0} s (attempt {Attempt})")]
    private static partial void LogRetry(ILogger logger, Uri url, int status, string reason, double delaySeconds, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Ingest {Url} refused a batch of {Events} events with {Status}: {Reason}. It was written to {Path}; {Hint}")]
    private static partial void LogRejected(ILogger logger, Uri url, int status, string reason, int events, string path, string hint);

    [LoggerMessage(Level = LogLevel.Error, Message = "Ingest refused {Failed} of {Events} events (first reason: {Reason}); the batch was written to {Path}")]
    private static partial void LogPartial(ILogger logger, int failed, int events, string path, string reason);
}
