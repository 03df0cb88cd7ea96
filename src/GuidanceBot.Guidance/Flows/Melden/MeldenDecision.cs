namespace GuidanceBot.Guidance.Flows.Melden;

/// <summary>What the afwegingskader leads to.</summary>
public enum MeldenDecisionKind
{
    /// <summary>Melden bij Veilig Thuis.</summary>
    Melden,

    /// <summary>Hulp bieden of organiseren, en afsluiten met afspraken om de veiligheid te volgen.</summary>
    HulpBieden,

    /// <summary>Hulp bieden of organiseren, en blijven volgen of die op tijd genoeg veiligheid geeft.</summary>
    HulpBiedenEnVolgen,

    /// <summary>Geen vermoeden: afsluiten en vastleggen.</summary>
    Afsluiten,

    /// <summary>An answer was "weet ik niet": ask Veilig Thuis for advice first.</summary>
    AdviesVragen,
}

/// <summary>The decision and the afweging that made it (1-based; 0 when none did).</summary>
public sealed record MeldenDecision(MeldenDecisionKind Kind, int DecidedAt)
{
    /// <summary>
    /// Walks the five afwegingen in order (https://handelingsprotocol.nl/utrecht-kz-stap-5-hulp-of-melden):
    /// 1 no → close; 2 yes → report; 3 no → report; 4 no → report; 5 no → report (again); 5 yes → help and
    /// close with agreements. "Weet ik niet" stops the walk: ask Veilig Thuis for advice (meldcode stap 4).
    /// One exception to the order: "no suspicion" (1) next to "acute or structural unsafety" (2) also asks for advice.
    /// </summary>
    public static MeldenDecision From(IReadOnlyList<Answer> afwegingen)
    {
        ArgumentNullException.ThrowIfNull(afwegingen);
        Answer At(int i) => i < afwegingen.Count ? afwegingen[i] : Answer.WeetNiet;

        // The card asks all five at once, so these two can be given together. They contradict each other, and
        // closing the case ("geen vermoeden") on them could leave a child unsafe: ask Veilig Thuis instead.
        if (At(0) == Answer.Nee && At(1) == Answer.Ja)
        {
            return new(MeldenDecisionKind.AdviesVragen, 2);
        }

        // (answer that ends the walk, decision it leads to) for afwegingen 1–4.
        (Answer Ends, MeldenDecisionKind Decision)[] walk =
        [
            (Answer.Nee, MeldenDecisionKind.Afsluiten),
            (Answer.Ja, MeldenDecisionKind.Melden),
            (Answer.Nee, MeldenDecisionKind.Melden),
            (Answer.Nee, MeldenDecisionKind.Melden),
        ];
        for (var i = 0; i < walk.Length; i++)
        {
            if (At(i) == Answer.WeetNiet)
            {
                return new(MeldenDecisionKind.AdviesVragen, i + 1);
            }

            if (At(i) == walk[i].Ends)
            {
                return new(walk[i].Decision, i + 1);
            }
        }

        return At(4) switch
        {
            Answer.Ja => new(MeldenDecisionKind.HulpBieden, 5),
            Answer.Nee => new(MeldenDecisionKind.Melden, 5),
            _ => new(MeldenDecisionKind.HulpBiedenEnVolgen, 5),
        };
    }
}
