using System.Collections.Concurrent;
using System.Text.Json;
using Json.Schema;

namespace GuidanceBot.Testing;

/// <summary>
/// Validates JSON against the official schemas saved in <c>shared/schemas/</c> (the Adaptive Card 1.5
/// schema is draft-06, which JsonSchema.Net evaluates).
/// </summary>
public static class SchemaValidator
{
    public const string AdaptiveCard15 = "adaptive-card-1.5.json";

    private static readonly ConcurrentDictionary<string, JsonSchema> Schemas = new();

    /// <summary>The errors of <paramref name="instance"/> against the named schema; empty when valid.</summary>
    public static IReadOnlyList<string> Errors(string schemaFile, JsonElement instance)
    {
        var schema = Schemas.GetOrAdd(schemaFile, file =>
            JsonSchema.FromText(
                File.ReadAllText(RepoPaths.SharedFile("schemas", file)),
                new BuildOptions { SchemaRegistry = new SchemaRegistry() }));
        var result = schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
        {
            return [];
        }

        return [.. (result.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))
            .Distinct()];
    }
}
