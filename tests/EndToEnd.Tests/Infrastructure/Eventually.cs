namespace LogPipeline.EndToEnd.Tests.Infrastructure;

/// <summary>Polls a condition until it holds or a deadline passes — the tests' only way to wait.</summary>
internal static class Eventually
{
    public static async Task<T> WaitAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan deadline, Func<T?, string> describe)
    {
        using var cts = new CancellationTokenSource(deadline);
        T? last = default;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        do
        {
            try
            {
                last = await probe();
                if (done(last))
                {
                    return last;
                }
            }
            catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cts.IsCancellationRequested))
            {
                // Not listening yet, or too busy to answer this poll (a loaded CI machine): poll again until the deadline.
            }
        }
        while (await WaitTick(timer, cts.Token));

        throw new TimeoutException($"not reached within {deadline}: {describe(last)}");
    }

    private static async Task<bool> WaitTick(PeriodicTimer timer, CancellationToken token)
    {
        try
        {
            return await timer.WaitForNextTickAsync(token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
