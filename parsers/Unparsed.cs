using LogPipeline.Parsers.Ecs;

namespace LogPipeline.Parsers;

/// <summary>What every format does with text it cannot parse: keep it whole and tag it.</summary>
public static class Unparsed
{
    public const string FailureTag = "_grokparsefailure";

    public static void Keep(string text, EcsDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Set("message", text);
        document.Set("event.original", text);
        document.AddTag(FailureTag);
    }
}
