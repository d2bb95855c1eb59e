namespace LogPipeline.Ingest.Detection;

/// <summary>How a rule keeps its window and when it fires.</summary>
internal enum RuleKind
{
    /// <summary>Threshold events per key within the window.</summary>
    Count,

    /// <summary>Threshold distinct paths per key within the window.</summary>
    DistinctPaths,

    /// <summary>A login success after threshold failures within the window.</summary>
    SuccessAfterFailures,

    /// <summary>Threshold distinct failing addresses per host within the window; each address is reported.</summary>
    DistinctAddressesPerHost,
}
