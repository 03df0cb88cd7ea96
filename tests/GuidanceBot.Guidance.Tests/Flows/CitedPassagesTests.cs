using System.Globalization;
using System.Text;
using GuidanceBot.Guidance.Flows;
using GuidanceBot.Guidance.Flows.Melden;
using GuidanceBot.Guidance.Flows.Risicotaxatie;
using GuidanceBot.Guidance.Flows.Signaleren;
using GuidanceBot.Testing;

namespace GuidanceBot.Guidance.Tests.Flows;

/// <summary>
/// Every passage id a flow cites exists in <c>knowledge/</c>. Ids are computed the way the knowledge
/// reader makes them (<c>{front-matter id}#{slug of the ##/### heading path}</c>); skipped while the
/// knowledge folder is not in this checkout.
/// </summary>
public sealed class CitedPassagesTests
{
    public static TheoryData<string> CitedIds
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var id in SignalerenSources.Summary.Concat(RisicotaxatieSources.Summary).Concat(MeldenSources.Summary).Concat(UrgentCallCard.Sources).Distinct())
            {
                data.Add(id);
            }

            return data;
        }
    }

    [SkippableTheory]
    [MemberData(nameof(CitedIds))]
    public void CitedPassage_InKnowledgeFolder_Exists(string passageId)
    {
        Skip.IfNot(Directory.Exists(RepoPaths.Knowledge), "knowledge/ is not in this checkout yet (branch knowledge-content).");

        var ids = KnownIds();

        Assert.Contains(passageId, ids);
    }

    private static HashSet<string> KnownIds()
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Knowledge, "*.md"))
        {
            var lines = File.ReadAllLines(file);
            var documentId = lines.SkipWhile(l => l != "---").Skip(1).TakeWhile(l => l != "---")
                .Where(l => l.StartsWith("id:", StringComparison.Ordinal)).Select(l => l[3..].Trim()).FirstOrDefault()
                ?? Slug(Path.GetFileNameWithoutExtension(file));
            string? h2 = null;
            foreach (var line in lines)
            {
                if (line.StartsWith("## ", StringComparison.Ordinal))
                {
                    h2 = line[3..].Trim();
                    ids.Add($"{documentId}#{Slug(h2)}");
                }
                else if (line.StartsWith("### ", StringComparison.Ordinal) && h2 is not null)
                {
                    ids.Add($"{documentId}#{Slug(h2)}/{Slug(line[4..].Trim())}");
                }
            }
        }

        return ids;
    }

    // The knowledge reader's slug: lower-case ASCII, diacritics folded, other runs become one '-'.
    private static string Slug(string text)
    {
        var builder = new StringBuilder();
        var pendingDash = false;
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingDash && builder.Length > 0)
                {
                    builder.Append('-');
                }

                builder.Append(char.ToLowerInvariant(c));
                pendingDash = false;
            }
            else
            {
                pendingDash = true;
            }
        }

        return builder.Length == 0 ? "section" : builder.ToString();
    }
}
