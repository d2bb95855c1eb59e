using System.Text.Json;

namespace LogPipeline.Ingest.Detection;

/// <summary>
/// Reads a <c>--rules</c> file: JSON shaped like the <c>Detection</c> configuration section, either the section's
/// content itself or an object holding it under <c>"Detection"</c>. No file means the default rules.
/// </summary>
internal static class RulesFile
{
    public static DetectionOptions Load(string? path, out IReadOnlyList<string> errors)
    {
        if (path is null)
        {
            errors = [];
            return new DetectionOptions();
        }

        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            errors = [$"--rules: no such file '{full}'."];
            return new DetectionOptions();
        }

        IConfigurationRoot root;
        try
        {
            root = new ConfigurationBuilder().AddJsonFile(full, optional: false, reloadOnChange: false).Build();
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or JsonException or IOException)
        {
            errors = [$"--rules: '{full}' is not valid JSON: {ex.InnerException?.Message ?? ex.Message}"];
            return new DetectionOptions();
        }

        var wrapped = root.GetChildren().Select(c => c.Key).ToList() is [var only] && string.Equals(only, DetectionOptions.SectionName, StringComparison.OrdinalIgnoreCase);
        return DetectionOptionsLoader.Load(wrapped ? root.GetSection(DetectionOptions.SectionName) : root, out errors);
    }
}
