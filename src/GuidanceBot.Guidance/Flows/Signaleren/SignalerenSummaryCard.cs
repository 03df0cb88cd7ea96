using GuidanceBot.Cards;
using GuidanceBot.Cards.Model;

namespace GuidanceBot.Guidance.Flows.Signaleren;

/// <summary>
/// The signaleren summary: what was seen per domain, what it can mean, what to do next (with LVB tips when
/// relevant) and the sources. Self-contained and without submit actions, so it can be shared with colleagues.
/// </summary>
public static class SignalerenSummaryCard
{
    public const string Id = "signaleren.summary";

    public static AdaptiveCard Build(SignalerenState state, string? note, IReadOnlyList<FlowSource> sources)
    {
        ArgumentNullException.ThrowIfNull(state);
        var seen = SignalDomains.All
            .Select(d => (Domain: d, Signals: d.Signals.Where(s => state.Signals.Contains(s.Id)).ToList()))
            .Where(x => x.Signals.Count > 0)
            .ToList();
        var signalCount = seen.Sum(x => x.Signals.Count);

        return new AdaptiveCard
        {
            FallbackText = SignalerenTexts.SummaryTitle,
            Body =
            [
                Blocks.Heading(SignalerenTexts.SummaryTitle) with { Id = Id },
                Blocks.Subheading(SignalerenTexts.WhatYouSaw),
                .. seen.Count == 0
                    ? [Blocks.Paragraph(SignalerenTexts.NothingTicked)]
                    : (IEnumerable<CardElement>)
                    [
                        Blocks.Paragraph(SignalerenTexts.Counted(signalCount, seen.Count)),
                        .. seen.SelectMany(x => new CardElement[]
                        {
                            new TextBlock { Text = x.Domain.Title, Weight = "Bolder", Wrap = true, Spacing = "Small" },
                            Blocks.Bullets(x.Signals.Select(s => s.Label)),
                        }),
                    ],
                Blocks.Subheading(SignalerenTexts.WhatItCanMean),
                Blocks.Paragraph(SignalerenTexts.Meaning),
                Blocks.Paragraph(SignalerenTexts.OtherCauses),
                Blocks.Subheading(SignalerenTexts.WhatToDo),
                Blocks.Bullets(
                [
                    SignalerenTexts.Record,
                    SignalerenTexts.Discuss,
                    SignalerenTexts.Advice,
                    SignalerenTexts.Conversation,
                    SignalerenTexts.DoNotForbid,
                ]),
                .. state.Lvb is Answer.Ja or Answer.WeetNiet
                    ? (IEnumerable<CardElement>)
                    [
                        Blocks.Subheading(SignalerenTexts.LvbTipsTitle),
                        Blocks.Bullets(
                        [
                            SignalerenTexts.LvbConcrete,
                            SignalerenTexts.LvbRepeat,
                            SignalerenTexts.LvbNoFigures,
                            SignalerenTexts.LvbOneQuestion,
                        ]),
                    ]
                    : [],
                .. note is null
                    ? []
                    : (IEnumerable<CardElement>)[Blocks.Subheading(SignalerenTexts.YourNote), Blocks.Literal(note)],
                new Container { Style = "attention", Spacing = "Medium", Items = [Blocks.Paragraph(SignalerenTexts.AcuteDanger)] },
                .. FlowCitations.Block(sources),
            ],
        };
    }
}
