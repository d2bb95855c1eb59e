namespace LogPipeline.Ingest.Detection;

/// <summary>What an access event looks like to the rules; computed once per event, without locking.</summary>
[Flags]
internal enum EventMatch
{
    None = 0,
    LoginFailure = 1,
    LoginSuccess = 2,
    Xmlrpc = 4,
    Probe4xx = 8,
    SensitivePath = 16,
    ScannerAgent = 32,
}
