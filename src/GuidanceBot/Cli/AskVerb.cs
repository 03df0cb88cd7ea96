using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using GuidanceBot.Knowledge;

namespace GuidanceBot.Cli;

/// <summary>The <c>ask</c> verb: one question for a person, or JSON Lines for tools.</summary>
internal static class AskVerb
{
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<int> RunAsync(IPassageSearch search, string question, TextWriter stdout, CancellationToken cancellationToken)
    {
        var result = search.Search(question);
        if (!result.Answered)
        {
            await stdout.WriteLineAsync("No answer: nothing in the knowledge base matches this question well enough.".AsMemory(), cancellationToken);
            return 0;
        }

        for (var i = 0; i < result.Hits.Count; i++)
        {
            var hit = result.Hits[i];
            var passage = hit.Passage;
            var where = string.Join(" › ", new[] { passage.DocumentTitle, passage.SectionPath }.Where(s => s.Length > 0));
            var page = passage.Page is { } p ? $", p. {p}" : string.Empty;
            await stdout.WriteLineAsync(FormattableString.Invariant($"{i + 1}. {where}{page}  (score {hit.Score:0.00}, id {passage.Id})").AsMemory(), cancellationToken);
            var snippet = string.Concat(hit.Snippet.Select(s => s.IsMatch ? $"*{s.Text}*" : s.Text));
            foreach (var line in snippet.Split('\n'))
            {
                await stdout.WriteLineAsync($"   {line}".AsMemory(), cancellationToken);
            }

            foreach (var citation in passage.Citations)
            {
                var checkedOn = citation.Checked is { } date ? $" (checked {date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})" : string.Empty;
                await stdout.WriteLineAsync($"   Bron: {citation.SourceUrl ?? citation.DocumentTitle}{checkedOn}".AsMemory(), cancellationToken);
            }

            await stdout.WriteLineAsync();
        }

        return 0;
    }

    /// <summary>One JSON object per input line, in order, also for blank lines (answered false).</summary>
    public static async Task<int> RunJsonlAsync(IPassageSearch search, TextReader stdin, TextWriter stdout, CancellationToken cancellationToken)
    {
        while (await stdin.ReadLineAsync(cancellationToken) is { } line)
        {
            var result = string.IsNullOrWhiteSpace(line) ? new SearchResult(line, false, []) : search.Search(line);
            await stdout.WriteLineAsync(ToJson(line, result).AsMemory(), cancellationToken);

            // A caller may wait for each answer before it writes the next question.
            await stdout.FlushAsync(cancellationToken);
        }

        return 0;
    }

    internal static string ToJson(string question, SearchResult result)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartObject();
            json.WriteString("question", question);
            json.WriteBoolean("answered", result.Answered);
            json.WriteStartArray("passages");
            foreach (var hit in result.Answered ? result.Hits : [])
            {
                var passage = hit.Passage;
                json.WriteStartObject();
                json.WriteString("id", passage.Id);
                json.WriteString("title", passage.DocumentTitle);
                json.WriteString("section", passage.SectionPath);
                WriteNullable(json, "source", passage.SourceUrls.Count > 0 ? passage.SourceUrls[0] : null);
                if (passage.Page is { } page)
                {
                    json.WriteNumber("page", page);
                }
                else
                {
                    json.WriteNull("page");
                }

                json.WriteNumber("score", Math.Round(hit.Score, 4));
                json.WriteString("text", passage.Text);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
