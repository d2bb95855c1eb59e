using LogPipeline.Parsers.Framing;

namespace LogPipeline.Shipper.Configuration;

/// <summary>One group of files to tail, all of one format.</summary>
internal sealed class InputOptions
{
    public List<string> Paths { get; } = [];

    public List<string> Exclude { get; } = [];

    /// <summary>The <c>event.dataset</c> sent with each event, e.g. <c>apache.access</c>, or <c>auto</c>.</summary>
    public string Type { get; set; } = "";

    public Dictionary<string, string> Fields { get; } = new(StringComparer.Ordinal);

    public List<string> Tags { get; } = [];

    /// <summary>Where to start in a file found at first start (no checkpoint yet).</summary>
    public StartPosition StartAt { get; set; } = StartPosition.End;

    /// <summary>Multi-line framing: the format's preset unless configured; null means one event per line.</summary>
    public MultilineRule? Multiline { get; set; }

    /// <summary>A line longer than this is split into parts tagged <c>_line_split</c>.</summary>
    public int MaxLineBytes { get; set; } = 1 << 20;

    /// <summary>A last line without its newline is sent after this long without growth.</summary>
    public TimeSpan PartialLineTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
