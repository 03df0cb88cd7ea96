using System.Text.Json;
using GuidanceBot.Testing;

namespace GuidanceBot.Knowledge.Tests.Content;

/// <summary>A question from <c>shared/domain/questions-dev.jsonl</c> with the strings an answer must contain.</summary>
internal sealed record DevQuestion(
    string Id,
    string Question,
    IReadOnlyList<string>? ExpectAny,
    IReadOnlyList<string>? ExpectAll)
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public bool HasExpectations => ExpectAny is { Count: > 0 } || ExpectAll is { Count: > 0 };

    public static IReadOnlyList<DevQuestion> LoadAll() =>
        File.ReadLines(RepoPaths.SharedFile("domain", "questions-dev.jsonl"))
            .Where(l => !string.IsNullOrWhiteSpace(l))
            .Select(l => JsonSerializer.Deserialize<DevQuestion>(l, Options)
                ?? throw new InvalidDataException("Empty question line: " + l))
            .ToList();

    /// <summary>Whether the (lower-cased) text holds every <c>expect_all</c> string and one <c>expect_any</c> string.</summary>
    public bool IsAnsweredBy(string searchableText) =>
        (ExpectAll ?? []).All(e => searchableText.Contains(e, StringComparison.OrdinalIgnoreCase))
        && (ExpectAny is not { Count: > 0 } || ExpectAny.Any(e => searchableText.Contains(e, StringComparison.OrdinalIgnoreCase)));
}
