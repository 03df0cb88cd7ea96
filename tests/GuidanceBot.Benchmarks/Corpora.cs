using System.Globalization;
using System.Text.RegularExpressions;
using GuidanceBot.Knowledge;
using GuidanceBot.Knowledge.Evaluation;
using GuidanceBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GuidanceBot.Benchmarks;

/// <summary>The corpora the benchmarks run on: the real knowledge folder and a 100× synthetic copy of it.</summary>
public static partial class Corpora
{
    public const string Real = "real";
    public const string Synthetic100 = "synthetic-100x";

    private static readonly Lazy<string> SyntheticFolder = new(() => BuildSynthetic(100));

    public static string Folder(string corpus) => corpus == Real ? RepoPaths.Knowledge : SyntheticFolder.Value;

    /// <summary>The dev questions (text only) used as the query mix.</summary>
    public static IReadOnlyList<string> Questions { get; } =
        [.. EvalQuestion.Load(RepoPaths.SharedFile("domain", "questions-dev.jsonl")).Select(q => q.Question)];

    /// <summary>Builds the search the way the host does (ingestion + index); no file watching.</summary>
    public static (IPassageSearch Search, ServiceProvider Services) Open(string folder)
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddKnowledge()
            .AddSingleton(Options.Create(new KnowledgeOptions { Path = folder, WatchForChanges = false }))
            .BuildServiceProvider();
        return (services.GetRequiredService<IPassageSearch>(), services);
    }

    /// <summary>
    /// Copies every knowledge document <paramref name="copies"/> times with a new id, varied headings
    /// and a few copy-specific words in every passage, so the index grows in passages and vocabulary.
    /// </summary>
    private static string BuildSynthetic(int copies)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"gb-bench-{copies}x-{Environment.ProcessId}");
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(RepoPaths.Knowledge, "synonyms.txt"), Path.Combine(folder, "synonyms.txt"), overwrite: true);
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Knowledge, "*.md").Where(f => !f.EndsWith("README.md", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            for (var n = 0; n < copies; n++)
            {
                var suffix = n.ToString(CultureInfo.InvariantCulture);
                var copy = IdLine().Replace(text, m => $"id: {m.Groups[1].Value}-v{suffix}");
                copy = Heading().Replace(copy, m => $"{m.Groups[1].Value} {m.Groups[2].Value} (variant {suffix})");
                copy = BronLine().Replace(copy, m => $"Regio{suffix} kenmerk{n % 13} casus{n * 7 % 101}.\n\n{m.Value}");
                File.WriteAllText(Path.Combine(folder, $"{Path.GetFileNameWithoutExtension(file)}-v{suffix}.md"), copy);
            }
        }

        return folder;
    }

    [GeneratedRegex(@"^id:\s*(\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex IdLine();

    [GeneratedRegex(@"^(#{2,3})\s+(.+)$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"^Bron:.*$", RegexOptions.Multiline)]
    private static partial Regex BronLine();
}
