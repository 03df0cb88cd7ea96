using GuidanceBot.BotFramework.State;

namespace GuidanceBot.Guidance.Flows.Risicotaxatie;

/// <summary>The answers of the risicotaxatie flow: flags and ticked ids only.</summary>
public sealed class RisicotaxatieState : IVersionedState
{
    public static int CurrentSchemaVersion => 1;

    public int SchemaVersion { get; set; }

    public bool? AcuteDanger { get; set; }

    public bool? RecentSexualViolence { get; set; }

    /// <summary>Ids from <see cref="RiskItems.ExploitationSignals"/>.</summary>
    public List<string> ExploitationSignals { get; set; } = [];

    /// <summary>Ids from <see cref="RiskItems.RiskFactors"/>.</summary>
    public List<string> RiskFactors { get; set; } = [];

    /// <summary>Ids from <see cref="RiskItems.ProtectiveFactors"/>.</summary>
    public List<string> ProtectiveFactors { get; set; } = [];
}
