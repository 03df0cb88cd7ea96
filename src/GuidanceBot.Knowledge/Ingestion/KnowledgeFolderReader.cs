using Microsoft.Extensions.Logging;

namespace GuidanceBot.Knowledge.Ingestion;

/// <summary>
/// Reads every knowledge file of a folder: <c>*.md</c> (except README.md), <c>*.pdf</c> and
/// <c>synonyms.txt</c>. A file that cannot be read is logged by name and skipped; the rest is kept.
/// </summary>
internal static class KnowledgeFolderReader
{
    public const string SynonymsFileName = "synonyms.txt";

    public static IngestionResult Read(string folder, ILogger logger)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"Knowledge folder not found: {Path.GetFullPath(folder)}");
        }

        var passages = new List<Passage>();
        var problems = new List<IngestionProblem>();
        var files = Directory.EnumerateFiles(folder)
            .Where(IsKnowledgeFile)
            .OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal);
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            try
            {
                passages.AddRange(ReadFile(file));
            }
            catch (Exception e) when (e is KnowledgeFormatException or IOException or UnauthorizedAccessException)
            {
                var reason = e is KnowledgeFormatException ? e.Message : $"cannot be read ({e.GetType().Name})";
                problems.Add(new IngestionProblem(name, reason));
                KnowledgeLog.FileSkipped(logger, name, reason);
            }
        }

        string? synonyms = null;
        var synonymsPath = Path.Combine(folder, SynonymsFileName);
        if (File.Exists(synonymsPath))
        {
            synonyms = File.ReadAllText(synonymsPath);
        }

        return new IngestionResult(passages, problems, synonyms);
    }

    /// <summary>True for a file whose change should trigger a rebuild.</summary>
    public static bool IsWatched(string fileName) =>
        IsKnowledgeFile(fileName)
        || fileName.EndsWith(".pdf.yml", StringComparison.OrdinalIgnoreCase)
        || Path.GetFileName(fileName).Equals(SynonymsFileName, StringComparison.OrdinalIgnoreCase);

    private static bool IsKnowledgeFile(string path)
    {
        var name = Path.GetFileName(path);
        if (name.StartsWith('.'))
        {
            return false;
        }

        return (name.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && !name.Equals("README.md", StringComparison.OrdinalIgnoreCase))
            || name.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase);
    }

    private static IReadOnlyList<Passage> ReadFile(string path)
    {
        var name = Path.GetFileName(path);
        if (name.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
        {
            var sidecar = path + ".yml";
            return PdfPassageReader.Read(name, File.ReadAllBytes(path), File.Exists(sidecar) ? File.ReadAllText(sidecar) : null);
        }

        return MarkdownPassageReader.Read(name, File.ReadAllText(path));
    }
}
