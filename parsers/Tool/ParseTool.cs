using System.Text.Encodings.Web;
using System.Text.Json;
using LogPipeline.Parsers.Ecs;
using LogPipeline.Parsers.Framing;
using LogPipeline.Parsers.Grok;

namespace LogPipeline.Parsers.Tool;

/// <summary>
/// <c>ingest parse</c>: a grok debugger for people. Reads lines from a file or stdin, frames multi-line formats,
/// and prints one ECS document per event as NDJSON (<c>--pretty</c> indents). Lines that do not parse are printed
/// tagged <c>_grokparsefailure</c> and the exit code stays 0; a bad argument or pattern prints why and exits 2.
/// All I/O comes in as readers and writers: the caller opens files.
/// </summary>
public static class ParseTool
{
    public const int ExitOk = 0;
    public const int ExitUsage = 2;

    public static int Run(IReadOnlyList<string> args, Func<string, TextReader> openFile, TextReader stdin, TextWriter stdout, TextWriter stderr) =>
        Run(args, openFile, stdin, stdout, stderr, TimeProvider.System);

    public static int Run(IReadOnlyList<string> args, Func<string, TextReader> openFile, TextReader stdin, TextWriter stdout, TextWriter stderr, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(openFile);
        ArgumentNullException.ThrowIfNull(stdin);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var (arguments, error) = ParseToolArguments.Parse(args);
        if (arguments is null)
        {
            return Fail(stderr, error!);
        }

        if (arguments.Help)
        {
            stdout.WriteLine(ParseToolArguments.Usage);
            return ExitOk;
        }

        var setup = ParseToolSetup.Create(arguments, openFile, clock);
        if (setup.Error is not null)
        {
            return Fail(stderr, setup.Error);
        }

        TextReader input;
        try
        {
            input = arguments.File is null or "-" ? stdin : openFile(arguments.File);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return Fail(stderr, $"cannot read '{arguments.File}': {e.Message}");
        }

        using (input == stdin ? null : input)
        {
            Write(setup, input, stdout, arguments.Pretty);
        }

        return ExitOk;
    }

    private static void Write(ParseToolSetup setup, TextReader input, TextWriter stdout, bool pretty)
    {
        var options = new JsonWriterOptions { Indented = pretty, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(4096);
        var (dataset, events) = setup.Events(input);
        foreach (var text in events)
        {
            var document = new EcsDocument();
            setup.Library.Parse(dataset, text, document);
            buffer.ResetWrittenCount();
            using (var writer = new Utf8JsonWriter(buffer, options))
            {
                document.WriteTo(writer);
            }

            stdout.Write(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
            stdout.Write('\n');
        }

        stdout.Flush();
    }

    private static int Fail(TextWriter stderr, string message)
    {
        stderr.WriteLine($"ingest parse: {message}");
        stderr.WriteLine(ParseToolArguments.Usage);
        return ExitUsage;
    }
}
