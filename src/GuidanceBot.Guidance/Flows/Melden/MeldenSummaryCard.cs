using GuidanceBot.Cards;
using GuidanceBot.Cards.Model;

namespace GuidanceBot.Guidance.Flows.Melden;

/// <summary>
/// The Meldingsvoorbereiding: the choices made, the decision from the afwegingskader, next steps with
/// phone numbers, and the sources. Self-contained and without any submit action, so it can be shared.
/// </summary>
public static class MeldenSummaryCard
{
    public const string Id = "melden.summary";

    public static AdaptiveCard Build(MeldenState state, MeldenDecision decision, IReadOnlyList<FlowSource> sources)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(decision);
        return new AdaptiveCard
        {
            FallbackText = MeldenTexts.SummaryTitle,
            Body =
            [
                Blocks.Heading(MeldenTexts.SummaryTitle) with { Id = Id },
                Blocks.Paragraph(MeldenTexts.SummaryIntro),
                Blocks.Subheading(MeldenTexts.ChoicesHeading),
                new FactSet { Facts = Facts(state) },
                Blocks.Subheading(MeldenTexts.DecisionHeading),
                new Container
                {
                    Style = decision.Kind == MeldenDecisionKind.Melden ? "attention" : "emphasis",
                    Items =
                    [
                        new TextBlock { Text = DecisionText(decision.Kind), Weight = "Bolder", Wrap = true },
                        Blocks.Note(MeldenTexts.DecidedAt(decision.DecidedAt)),
                    ],
                },
                Blocks.Subheading(MeldenTexts.NextHeading),
                Blocks.Bullets(NextSteps(state, decision)),
                new Container { Style = "attention", Spacing = "Medium", Items = [Blocks.Paragraph(MeldenTexts.AcuteDangerFooter)] },
                Blocks.Note(MeldenTexts.NumbersChange),
                .. FlowCitations.Block(sources),
            ],
        };
    }

    /// <summary>The next steps for the choices made, in the order to take them.</summary>
    public static IReadOnlyList<string> NextSteps(MeldenState state, MeldenDecision decision)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(decision);
        var steps = new List<string>();
        if (!state.MeldcodeStepsDone.Contains("stap2"))
        {
            // Acute onveiligheid (afweging 2) is acted on before the collegiale consultatie, not after it
            // (https://www.handelingsprotocol.nl/utrecht-ko-evaluatie-3/kind-in-acuut-gevaar). Afweging 2 also
            // covers structurele onveiligheid, which is not acute: for that the overleg of stap 2 still comes first.
            if (decision is { Kind: MeldenDecisionKind.Melden, DecidedAt: 2 })
            {
                steps.Add(UrgentTexts.ActFirst);
                steps.Add(MeldenTexts.NextDoStepTwoUnlessAcute);
            }
            else
            {
                steps.Add(MeldenTexts.NextDoStepTwo);
            }
        }

        switch (decision.Kind)
        {
            case MeldenDecisionKind.Melden:
                steps.AddRange([MeldenTexts.NextCallVeiligThuis, MeldenTexts.NextTellClient, MeldenTexts.NextKeepWorking]);
                break;
            case MeldenDecisionKind.AdviesVragen:
                steps.Add(MeldenTexts.NextAdviceVeiligThuis);
                break;
            case MeldenDecisionKind.HulpBieden:
            case MeldenDecisionKind.HulpBiedenEnVolgen:
                steps.Add(MeldenTexts.NextOfferHelp);
                break;
            case MeldenDecisionKind.Afsluiten:
                steps.Add(MeldenTexts.NextRecord);
                break;
        }

        steps.Add(state.CoMensha switch
        {
            CoMenshaChoice.Aanmelden16Plus => MeldenTexts.NextCoMensha16Plus,
            CoMenshaChoice.AanmeldenJongerDan16 => MeldenTexts.NextCoMenshaUnder16,
            _ => MeldenTexts.NextCoMenshaNotYet,
        });

        switch (state.Police)
        {
            case PoliceChoice.Melden:
                steps.Add(MeldenTexts.NextPoliceMelden);
                break;
            case PoliceChoice.InformatiefGesprek:
                steps.Add(MeldenTexts.NextPoliceGesprek);
                break;
            case PoliceChoice.Anoniem:
                steps.Add(MeldenTexts.NextPoliceAnoniem);
                break;
        }

        if (state.Police is PoliceChoice.Melden or PoliceChoice.InformatiefGesprek)
        {
            steps.Add(MeldenTexts.NextCoordinate);
        }

        steps.Add(MeldenTexts.NextInformAttentionOfficer);
        return steps;
    }

    public static string DecisionText(MeldenDecisionKind kind) => kind switch
    {
        MeldenDecisionKind.Melden => MeldenTexts.DecisionMelden,
        MeldenDecisionKind.HulpBieden => MeldenTexts.DecisionHulp,
        MeldenDecisionKind.HulpBiedenEnVolgen => MeldenTexts.DecisionHulpVolgen,
        MeldenDecisionKind.Afsluiten => MeldenTexts.DecisionAfsluiten,
        _ => MeldenTexts.DecisionAdvies,
    };

    private static List<Fact> Facts(MeldenState state)
    {
        var stepsDone = MeldcodeSteps.FirstThree.Where(s => state.MeldcodeStepsDone.Contains(s.Id)).Select(s => s.Label.Split(':')[0]).ToList();
        var facts = new List<Fact>
        {
            new(MeldenTexts.FactAcuteDanger, state.AcuteDanger == true ? FlowTexts.Yes : FlowTexts.No),
            new(MeldenTexts.FactStepsDone, stepsDone.Count == 0 ? MeldenTexts.FactNoStepsDone : string.Join(", ", stepsDone)),
        };
        facts.AddRange(state.Afwegingen.Select((a, i) =>
            new Fact(MeldcodeSteps.AfwegingLabels.ElementAtOrDefault(i) ?? $"Afweging {i + 1}", AnswerChoices.Label(a))));
        facts.Add(new(MeldenTexts.FactCoMensha, state.CoMensha switch
        {
            CoMenshaChoice.Aanmelden16Plus => MeldenTexts.CoMensha16Plus,
            CoMenshaChoice.AanmeldenJongerDan16 => MeldenTexts.CoMenshaUnder16,
            CoMenshaChoice.NogNiet => MeldenTexts.CoMenshaNotYet,
            _ => FlowTexts.No,
        }));
        facts.Add(new(MeldenTexts.FactPolice, state.Police switch
        {
            PoliceChoice.Melden => MeldenTexts.PoliceMelden,
            PoliceChoice.InformatiefGesprek => MeldenTexts.PoliceGesprek,
            PoliceChoice.Anoniem => MeldenTexts.PoliceAnoniem,
            _ => MeldenTexts.PoliceNuNiet,
        }));
        return facts;
    }
}
