namespace LogPipeline.Shipper.Configuration;

/// <summary>Where reading starts in a file seen for the first time at the shipper's first start.</summary>
internal enum StartPosition
{
    End,
    Beginning,
}
