using Microsoft.Extensions.Logging;

namespace GuidanceBot.Knowledge;

/// <summary>Log messages of the knowledge layer. File names and counts only, never content or queries.</summary>
internal static partial class KnowledgeLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Skipped knowledge file {FileName}: {Reason}")]
    public static partial void FileSkipped(ILogger logger, string fileName, string reason);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Knowledge index built from {Folder}: {PassageCount} passages from {FileCount} files in {ElapsedMs} ms")]
    public static partial void IndexBuilt(ILogger logger, string folder, int passageCount, int fileCount, long elapsedMs);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Error, Message = "Knowledge index rebuild failed; the previous index stays in use")]
    public static partial void RebuildFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "Synonyms file {FileName} could not be parsed and is ignored: {Reason}")]
    public static partial void SynonymsIgnored(ILogger logger, string fileName, string reason);
}
