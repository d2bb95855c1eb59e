using LogPipeline.QueryUi.Security;

namespace LogPipeline.QueryUi.Hosting;

/// <summary><c>query-ui hash-password</c>: reads a password (one line) from stdin, prints the value for QueryUi:AdminPasswordHash.</summary>
internal static class HashPasswordCommand
{
    public static int Run(TextReader input, TextWriter output, TextWriter errors)
    {
        var password = input.ReadLine();
        if (string.IsNullOrEmpty(password) || password.Length < 8)
        {
            errors.WriteLine("query-ui hash-password: give a password of at least 8 characters on stdin");
            return 2;
        }

        output.WriteLine(PasswordHash.Create(password));
        return 0;
    }
}
