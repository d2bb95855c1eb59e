namespace LogPipeline.Store.Query;

/// <summary><c>field:[a TO b]</c>, <c>{a TO b}</c>, <c>field:&gt;=a</c>…: a null bound is open.</summary>
public sealed record RangeNode(string Field, string? Lower, string? Upper, bool IncludeLower, bool IncludeUpper) : QueryNode;
