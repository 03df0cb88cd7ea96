using System.Text.Json.Nodes;
using GuidanceBot.Cards;
using GuidanceBot.Cards.Model;
using GuidanceBot.Guidance.Routing;

namespace GuidanceBot.Guidance.Flows;

/// <summary>After a summary: which flow next. Kept apart from the summary, so the summary stays shareable.</summary>
public static class NextStepsCard
{
    public const string Id = "flow.next";

    public static AdaptiveCard Build(params FlowInfo[] flows) => new()
    {
        FallbackText = FlowTexts.NextStepsTitle,
        Body = [Blocks.Paragraph(FlowTexts.NextStepsTitle) with { Id = Id }],
        Actions =
        [
            .. flows.Select(f => new ActionSubmit { Title = f.Name, Data = new JsonObject { [Commands.ValueKey] = f.Command } }),
            new ActionSubmit { Title = "Menu", Data = new JsonObject { [Commands.ValueKey] = Commands.Menu } },
        ],
    };
}
