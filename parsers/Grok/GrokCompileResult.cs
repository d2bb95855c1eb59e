namespace LogPipeline.Parsers.Grok;

/// <summary>The outcome of compiling a grok expression: a pattern, or the error that prevents it.</summary>
public sealed class GrokCompileResult
{
    private GrokCompileResult(GrokPattern? pattern, GrokError? error)
    {
        Pattern = pattern;
        Error = error;
    }

    public GrokPattern? Pattern { get; }

    public GrokError? Error { get; }

    public bool Success => Pattern is not null;

    internal static GrokCompileResult Ok(GrokPattern pattern) => new(pattern, null);

    internal static GrokCompileResult Fail(GrokError error) => new(null, error);
}
