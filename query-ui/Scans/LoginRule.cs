namespace LogPipeline.QueryUi.Scans;

/// <summary>
/// Flags a possible successful login in one address's <c>POST /wp-login.php</c> attempts (oldest first): a 302 after
/// at least one earlier attempt that was not a 302 (WordPress answers a failed login with 200 and the form again,
/// a good one with a 302 to wp-admin), or a 200 after at least one attempt answered 401, 403 or 429 (where a plugin
/// or proxy answers failures with an error). Returns the first such attempt and how many failures came before it.
/// </summary>
internal static class LoginRule
{
    public static LoginFlag? FindSuccess(IEnumerable<LoginAttempt> attemptsOldestFirst)
    {
        var failures = 0;
        var errorFailures = 0;
        foreach (var attempt in attemptsOldestFirst)
        {
            if ((attempt.Status == 302 && failures > 0) || (attempt.Status == 200 && errorFailures > 0))
            {
                return new LoginFlag(attempt.Time, attempt.Host, attempt.Status, failures);
            }

            if (attempt.Status != 302)
            {
                failures++;
            }

            if (attempt.Status is 401 or 403 or 429)
            {
                errorFailures++;
            }
        }

        return null;
    }
}

/// <summary>One <c>POST /wp-login.php</c>: when, on which server, and the status it got.</summary>
internal readonly record struct LoginAttempt(DateTimeOffset Time, string Host, int Status);

/// <summary>A login attempt that looks successful, and the failed attempts before it.</summary>
public sealed record LoginFlag(DateTimeOffset Time, string Host, int Status, int FailuresBefore);
