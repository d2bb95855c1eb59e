namespace LogPipeline.Store.Query;

/// <summary>How a field is matched.</summary>
internal enum FieldKind
{
    /// <summary>Words (FTS / analysed text): free text and <c>message</c>.</summary>
    Text,

    /// <summary>Whole values compared as strings.</summary>
    Keyword,

    /// <summary>Whole numbers.</summary>
    Number,

    /// <summary>Event time.</summary>
    Time,

    /// <summary>Any other field: a number when the value looks like one, a string otherwise; arrays match any element.</summary>
    Dynamic,
}
