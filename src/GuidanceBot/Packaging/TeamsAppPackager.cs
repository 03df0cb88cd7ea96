using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace GuidanceBot.Packaging;

/// <summary>
/// Builds the zip Teams accepts (PROTOCOL.md §5): <c>manifest.json</c> with the ids and version filled in,
/// plus the two icons, all at the root of the zip. Nothing is written unless every check passes.
/// </summary>
public static partial class TeamsAppPackager
{
    private const int ColorIconSize = 192;
    private const int OutlineIconSize = 32;

    /// <summary>Creates the package; returns the problems found, empty when the zip was written.</summary>
    public static IReadOnlyList<string> Create(TeamsAppPackageRequest request)
    {
        var problems = new List<string>();
        if (request.AppId == Guid.Empty)
        {
            problems.Add("The app id must be a GUID other than all zeros.");
        }

        if (request.BotId == Guid.Empty)
        {
            problems.Add("The bot id must be a GUID other than all zeros (the bot's Microsoft App Id).");
        }

        if (!SemVer().IsMatch(request.Version))
        {
            problems.Add($"The version '{request.Version}' is not of the form MAJOR.MINOR.PATCH.");
        }

        var manifestPath = Path.Combine(request.ManifestFolder, "manifest.json");
        if (!File.Exists(manifestPath))
        {
            problems.Add($"No manifest.json in {request.ManifestFolder}.");
        }

        if (!File.Exists(request.SchemaPath))
        {
            problems.Add($"The manifest schema {request.SchemaPath} was not found (pass --schema).");
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        JsonObject manifest;
        try
        {
            manifest = JsonNode.Parse(File.ReadAllText(manifestPath))?.AsObject()
                ?? throw new JsonException("empty document");
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return [$"manifest.json is not valid JSON: {ex.Message}"];
        }

        Fill(manifest, request);
        problems.AddRange(ValidateSchema(manifest, request.SchemaPath));
        var icons = IconFiles(manifest, request.ManifestFolder, problems);
        if (problems.Count > 0)
        {
            return problems;
        }

        WriteZip(manifest, icons, request.OutputPath);
        return [];
    }

    private static void Fill(JsonObject manifest, TeamsAppPackageRequest request)
    {
        var botId = request.BotId.ToString();
        manifest["id"] = request.AppId.ToString();
        manifest["version"] = request.Version;
        foreach (var bot in manifest["bots"]?.AsArray() ?? [])
        {
            bot!["botId"] = botId;
        }

        foreach (var extension in manifest["composeExtensions"]?.AsArray() ?? [])
        {
            extension!["botId"] = botId;
        }

        if (request.BotDomain is { } domain)
        {
            var domains = manifest["validDomains"] as JsonArray ?? [];
            if (!domains.Any(d => string.Equals((string?)d, domain, StringComparison.OrdinalIgnoreCase)))
            {
                domains.Add(domain);
            }

            manifest["validDomains"] = domains;
        }
    }

    /// <summary>The schema problems of a manifest (at most 20), empty when it is valid.</summary>
    public static IReadOnlyList<string> ValidateSchema(JsonObject manifest, string schemaPath)
    {
        // The Teams schema declares draft-04 but uses draft-06's `const` (PROTOCOL.md §5), and
        // JsonSchema.Net evaluates draft-06 and later; the schema uses no keyword whose meaning changed
        // between the two, so it is evaluated as draft-06, which also enforces `const`.
        var schemaNode = JsonNode.Parse(File.ReadAllText(schemaPath))!.AsObject();
        schemaNode["$schema"] = "http://json-schema.org/draft-06/schema#";
        var schema = JsonSchema.FromText(schemaNode.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        var result = schema.Evaluate(
            JsonSerializer.SerializeToElement(manifest),
            new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
        {
            return [];
        }

        return [.. (result.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"manifest{d.InstanceLocation}: {e.Value}"))
            .Distinct()
            .Take(20)];
    }

    private static Dictionary<string, string> IconFiles(JsonObject manifest, string folder, List<string> problems)
    {
        var icons = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, size) in new[] { ("color", ColorIconSize), ("outline", OutlineIconSize) })
        {
            var name = (string?)manifest["icons"]?[key];
            if (string.IsNullOrEmpty(name) || name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal))
            {
                problems.Add($"icons.{key} must name a PNG file next to manifest.json.");
                continue;
            }

            var path = Path.Combine(folder, name);
            var actual = File.Exists(path) ? PngInfo.ReadSize(path) : null;
            if (actual is null)
            {
                problems.Add($"icons.{key}: {name} is missing or not a PNG.");
            }
            else if (actual != (size, size))
            {
                problems.Add($"icons.{key}: {name} is {actual.Value.Width}×{actual.Value.Height}; Teams needs {size}×{size}.");
            }
            else
            {
                icons[name] = path;
            }
        }

        return icons;
    }

    private static void WriteZip(JsonObject manifest, Dictionary<string, string> icons, string outputPath)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(outputPath))!;
        Directory.CreateDirectory(folder);

        // Written beside the target and moved into place, so a failure never leaves half a zip behind.
        var temporary = Path.Combine(folder, $".{Path.GetFileName(outputPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var zip = ZipFile.Open(temporary, ZipArchiveMode.Create))
            {
                var entry = zip.CreateEntry("manifest.json");
                using (var writer = new StreamWriter(entry.Open()))
                {
                    writer.Write(manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
                }

                foreach (var (name, path) in icons)
                {
                    zip.CreateEntryFromFile(path, name);
                }
            }

            File.Move(temporary, outputPath, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    [GeneratedRegex(@"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$")]
    private static partial Regex SemVer();
}
