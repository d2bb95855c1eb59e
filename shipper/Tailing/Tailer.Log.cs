using Microsoft.Extensions.Logging;

namespace LogPipeline.Shipper.Tailing;

internal sealed partial class Tailer
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Tailing {Path} (fingerprint {Fingerprint}) from offset {Offset} of {Size} bytes")]
    private static partial void LogTracking(ILogger logger, string path, string fingerprint, long offset, long size);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Path}: {Problem}")]
    private static partial void LogFileProblem(ILogger logger, string path, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Path} was {What}; reading the old file to its end from offset {Offset}")]
    private static partial void LogDraining(ILogger logger, string path, string what, long offset);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Path} was truncated (read up to {Offset}, now {Size} bytes); starting it again from 0")]
    private static partial void LogTruncated(ILogger logger, string path, long offset, long size);

    [LoggerMessage(Level = LogLevel.Information, Message = "Released {Path} at offset {Offset} (acknowledged: {Acked})")]
    private static partial void LogReleased(ILogger logger, string path, long offset, bool acked);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Path} was truncated before it was read to its end: reading {Copy} from offset {Offset} to {Size} instead")]
    private static partial void LogFromCopy(ILogger logger, string path, string copy, long offset, long size);
}
