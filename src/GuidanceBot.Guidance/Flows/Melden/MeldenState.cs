using GuidanceBot.BotFramework.State;

namespace GuidanceBot.Guidance.Flows.Melden;

/// <summary>The choices of the melden flow. Nothing about the young person beyond an age group.</summary>
public sealed class MeldenState : IVersionedState
{
    public static int CurrentSchemaVersion => 1;

    public int SchemaVersion { get; set; }

    public bool? AcuteDanger { get; set; }

    /// <summary>Ids from <see cref="MeldcodeSteps.FirstThree"/> that were done.</summary>
    public List<string> MeldcodeStepsDone { get; set; } = [];

    /// <summary>The answers to the five questions of the afwegingskader, in order; empty until answered.</summary>
    public List<Answer> Afwegingen { get; set; } = [];

    public CoMenshaChoice? CoMensha { get; set; }

    public PoliceChoice? Police { get; set; }
}

/// <summary>What the professional wants to do about an aanmelding bij CoMensha.</summary>
public enum CoMenshaChoice
{
    Aanmelden16Plus,
    AanmeldenJongerDan16,
    NogNiet,
    Nee,
}

/// <summary>What the professional wants to do with the police.</summary>
public enum PoliceChoice
{
    Melden,
    InformatiefGesprek,
    Anoniem,
    NuNiet,
}
