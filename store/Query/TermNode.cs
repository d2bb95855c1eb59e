namespace LogPipeline.Store.Query;

/// <summary>
/// <c>field:value</c>, <c>field:"some value"</c> or free text. On text (free text, <c>message</c>) the value's words
/// must occur in this order; on other fields the value must equal the field's value (case-insensitively on URLs, user
/// agents, host names and methods).
/// </summary>
public sealed record TermNode(string? Field, string Value) : QueryNode;
