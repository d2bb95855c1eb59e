namespace LogPipeline.Parsers.Grok;

/// <summary>
/// Why a grok expression does not compile: the message names the pattern or construct at fault, and
/// <see cref="Position"/> is the zero-based offset in <see cref="Expression"/> where it is used.
/// </summary>
public sealed record GrokError(string Message, int Position, string Expression)
{
    public override string ToString() => Message;
}
