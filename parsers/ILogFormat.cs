using LogPipeline.Parsers.Ecs;

namespace LogPipeline.Parsers;

/// <summary>A log format: turns one event (a line, or a framed multi-line record) into an ECS document.</summary>
public interface ILogFormat
{
    /// <summary>The <c>event.dataset</c> this format produces, e.g. <c>apache.access</c>.</summary>
    string Dataset { get; }

    /// <summary>
    /// Parses <paramref name="text"/> into <paramref name="document"/>. Always fills <c>message</c>; on no match it
    /// keeps the whole text in <c>message</c> and <c>event.original</c>, adds the tag <c>_grokparsefailure</c> and
    /// returns false. Never throws for bad input.
    /// </summary>
    bool Parse(string text, EcsDocument document);
}
