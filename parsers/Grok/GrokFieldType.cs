namespace LogPipeline.Parsers.Grok;

/// <summary>The type suffix of <c>%{SYNTAX:field:type}</c>.</summary>
internal enum GrokFieldType
{
    String,
    Long,
    Double,
    Bool,
}

/// <summary>One named capture: the regex group it compiles to, the ECS field it fills and the value's type.</summary>
internal sealed record GrokCapture(string Group, string Field, GrokFieldType Type);
