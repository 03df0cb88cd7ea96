namespace GuidanceBot.Knowledge.Ingestion;

/// <summary>A file that was skipped, with a reason that never quotes its content.</summary>
internal sealed record IngestionProblem(string FileName, string Reason);

/// <summary>What reading the knowledge folder produced.</summary>
internal sealed record IngestionResult(
    IReadOnlyList<Passage> Passages,
    IReadOnlyList<IngestionProblem> Problems,
    string? SynonymsText);

/// <summary>A knowledge file that cannot be used; the message names the problem, not the content.</summary>
internal sealed class KnowledgeFormatException(string message) : Exception(message);
