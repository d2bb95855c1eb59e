using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace LogPipeline.Shipper.Hosting;

/// <summary>Writes log events to standard error (journald picks them up under systemd).</summary>
internal sealed class StderrSink(string template) : ILogEventSink
{
    private readonly MessageTemplateTextFormatter _formatter = new(template);
    private readonly Lock _lock = new();

    public void Emit(LogEvent logEvent)
    {
        lock (_lock)
        {
            _formatter.Format(logEvent, Console.Error);
            Console.Error.Flush();
        }
    }
}
