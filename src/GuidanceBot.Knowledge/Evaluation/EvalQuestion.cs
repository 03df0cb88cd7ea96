using System.Text.Json;

namespace GuidanceBot.Knowledge.Evaluation;

/// <summary>
/// One line of a question file (the format of <c>shared/domain/questions-dev.jsonl</c>):
/// <c>{"id", "question", "expect_any": [...], "expect_all": [...], "expect_none": true, "topic"}</c>.
/// </summary>
/// <param name="Id">The question id.</param>
/// <param name="Question">The question as a user would type it.</param>
/// <param name="ExpectAny">A hit contains at least one of these (ignored when empty).</param>
/// <param name="ExpectAll">A hit contains all of these.</param>
/// <param name="ExpectNone">An off-topic question: the right outcome is "not answered".</param>
/// <param name="Topic">A label for reports; not used in scoring.</param>
public sealed record EvalQuestion(
    string Id,
    string Question,
    IReadOnlyList<string> ExpectAny,
    IReadOnlyList<string> ExpectAll,
    bool ExpectNone,
    string? Topic)
{
    /// <summary>Reads a JSON Lines question file; blank lines are skipped. Throws <see cref="FormatException"/> naming the bad line.</summary>
    public static IReadOnlyList<EvalQuestion> Load(string path)
    {
        var questions = new List<EvalQuestion>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                questions.Add(Parse(line));
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new FormatException($"{Path.GetFileName(path)} line {lineNumber}: not a question object ({e.Message})", e);
            }
        }

        return questions;
    }

    /// <summary>True when <paramref name="passageText"/> holds every ExpectAll string and, if any are given, one ExpectAny string (case-insensitive).</summary>
    public bool IsHit(string passageText) =>
        !ExpectNone
        && ExpectAll.All(s => passageText.Contains(s, StringComparison.OrdinalIgnoreCase))
        && (ExpectAny.Count == 0 || ExpectAny.Any(s => passageText.Contains(s, StringComparison.OrdinalIgnoreCase)));

    private static EvalQuestion Parse(string line)
    {
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        var expectNone = root.TryGetProperty("expect_none", out var none)
            && none.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.Array => none.GetArrayLength() > 0,
                _ => false,
            };
        return new EvalQuestion(
            root.GetProperty("id").ToString(),
            root.GetProperty("question").GetString() ?? string.Empty,
            Strings(root, "expect_any"),
            Strings(root, "expect_all"),
            expectNone,
            root.TryGetProperty("topic", out var topic) ? topic.GetString() : null);
    }

    private static List<string> Strings(JsonElement root, string name) =>
        root.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? [.. array.EnumerateArray().Select(e => e.GetString() ?? string.Empty).Where(s => s.Length > 0)]
            : [];
}
