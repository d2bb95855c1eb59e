using Microsoft.Extensions.Logging;

namespace LogPipeline.Shipper.Hosting;

internal sealed partial class ShipperService
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Shipper {Host} started: {Inputs} inputs, ingest {Urls}, {Known} known files")]
    private static partial void LogStarted(ILogger logger, string host, int inputs, string urls, int known);

    [LoggerMessage(Level = LogLevel.Error, Message = "INSECURE: ingest.tls.insecure_skip_verify is true: the ingest certificate is NOT checked; anyone on the path can read and change the logs and steal the token")]
    private static partial void LogInsecure(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: flushing and waiting up to {Seconds} s for acknowledgements")]
    private static partial void LogStopping(ILogger logger, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopped after {Events} acknowledged events")]
    private static partial void LogStopped(ILogger logger, long events);

    [LoggerMessage(Level = LogLevel.Critical, Message = "{Problem}. Move the file away to start over (files are then read per start_at), or fix it: {Path}")]
    private static partial void LogStateError(ILogger logger, string problem, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Cannot write the checkpoint file {Path}: {Reason}; retrying")]
    private static partial void LogSaveFailed(ILogger logger, string path, string reason);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Sending stopped on an unexpected error ({Reason}); exiting with code 1 so the service manager restarts the shipper. Batches not acknowledged are re-sent from the checkpoints")]
    private static partial void LogSendFailed(ILogger logger, string reason, Exception exception);
}
