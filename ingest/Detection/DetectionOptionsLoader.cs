using System.Collections;
using System.ComponentModel;
using System.Globalization;
using System.Reflection;

namespace LogPipeline.Ingest.Detection;

/// <summary>
/// Reads <see cref="DetectionOptions"/> from a configuration section (appsettings <c>Detection</c>, or a
/// <c>--rules</c> file). Unlike the stock binder, a list given in configuration replaces its default instead of being
/// appended to it, and every unknown key, unconvertible value and invalid setting is reported at once, by key.
/// </summary>
internal static class DetectionOptionsLoader
{
    public static DetectionOptions Load(IConfiguration section, out IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(section);
        var options = new DetectionOptions();
        var found = new List<string>();
        Bind(options, section, DetectionOptions.SectionName, found);
        // Values that failed to convert kept their defaults, so validating now reports only the other bad values.
        found.AddRange(options.Validate());

        errors = found;
        return options;
    }

    private static void Bind(object target, IConfiguration config, string path, List<string> errors)
    {
        var type = target.GetType();
        foreach (var child in config.GetChildren())
        {
            var key = $"{path}:{child.Key}";
            var property = type.GetProperty(child.Key, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is not { CanWrite: true })
            {
                var known = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => p.Name);
                errors.Add($"{key} is not a known setting; known here: {string.Join(", ", known)}.");
                continue;
            }

            var propertyType = property.PropertyType;
            if (propertyType.IsGenericType && propertyType.GetGenericTypeDefinition() == typeof(List<>))
            {
                property.SetValue(target, BindList(propertyType, child, key, errors));
            }
            else if (IsScalar(propertyType))
            {
                if (TryConvert(propertyType, child, key, errors, out var value))
                {
                    property.SetValue(target, value);
                }
            }
            else
            {
                Bind(property.GetValue(target) ?? throw new InvalidOperationException($"{type.Name}.{property.Name} has no default instance."), child, key, errors);
            }
        }
    }

    private static IList BindList(Type listType, IConfigurationSection section, string key, List<string> errors)
    {
        var itemType = listType.GetGenericArguments()[0];
        var list = (IList)Activator.CreateInstance(listType)!;
        foreach (var item in section.GetChildren().OrderBy(c => int.TryParse(c.Key, CultureInfo.InvariantCulture, out var i) ? i : int.MaxValue))
        {
            if (TryConvert(itemType, item, $"{key}:{item.Key}", errors, out var value))
            {
                list.Add(value);
            }
        }

        return list;
    }

    private static bool IsScalar(Type type) =>
        type == typeof(string) || type == typeof(int) || type == typeof(bool) || type == typeof(TimeSpan) || type.IsEnum;

    private static bool TryConvert(Type type, IConfigurationSection section, string key, List<string> errors, out object? value)
    {
        value = null;
        if (section.Value is not { } text)
        {
            errors.Add($"{key} must be a single {Describe(type)} value, not a section.");
            return false;
        }

        try
        {
            value = TypeDescriptor.GetConverter(type).ConvertFromInvariantString(text);
            return true;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or NotSupportedException or OverflowException)
        {
            errors.Add($"{key} must be {Describe(type)} (got \"{text}\").");
            return false;
        }
    }

    private static string Describe(Type type) =>
        type == typeof(int) ? "a whole number"
        : type == typeof(bool) ? "true or false"
        : type == typeof(TimeSpan) ? "a time span such as \"00:00:10\" or \"1.00:00:00\""
        : type.IsEnum ? "one of " + string.Join(", ", Enum.GetNames(type))
        : "text";
}
