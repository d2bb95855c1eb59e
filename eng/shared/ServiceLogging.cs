using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace LogPipeline.Hosting;

/// <summary>A service's own log: a daily rolling file (kept 14 days) plus the console. Shared source (eng/shared).</summary>
internal static class ServiceLogging
{
    public static Logger Create(string pathTemplate) => new LoggerConfiguration()
        .MinimumLevel.Information()
        .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
        .WriteTo.File(pathTemplate, rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14, formatProvider: System.Globalization.CultureInfo.InvariantCulture)
        .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture)
        .CreateLogger();
}
