using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Events;
using Serilog.Extensions.Logging;

namespace LogPipeline.Shipper.Hosting;

/// <summary>The shipper's own logs: stderr, plus a daily-rolled file (Serilog.Sinks.File) when configured.</summary>
internal static class Logging
{
    private const string Template = "{Timestamp:yyyy-MM-ddTHH:mm:ss.fffzzz} [{Level:u3}] {SourceContext}: {Message:lj}{NewLine}";

    public static ILoggerFactory Create(string? logFile)
    {
        var config = new LoggerConfiguration()
            .MinimumLevel.Information()
            .WriteTo.Sink(new StderrSink(Template), LogEventLevel.Information);
        if (logFile is not null)
        {
            config = config.WriteTo.File(logFile, outputTemplate: Template, rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 7, fileSizeLimitBytes: 50 << 20, rollOnFileSizeLimit: true);
        }

        return new SerilogLoggerFactory(config.CreateLogger(), dispose: true);
    }
}
