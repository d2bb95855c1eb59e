namespace LogPipeline.Parsers.Tool;

/// <summary>Lines already read (to detect the format), followed by the rest of the input.</summary>
internal sealed class ConcatReader(IReadOnlyList<string> head, TextReader rest) : TextReader
{
    private int _next;

    public override string? ReadLine() => _next < head.Count ? head[_next++] : rest.ReadLine();
}
