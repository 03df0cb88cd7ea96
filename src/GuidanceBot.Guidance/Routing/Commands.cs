namespace GuidanceBot.Guidance.Routing;

/// <summary>The command words a user can type (or send with a card button) anywhere.</summary>
public static class Commands
{
    /// <summary>Key in a card submit's value that names a command.</summary>
    public const string ValueKey = "command";

    public const string Help = "help";
    public const string Menu = "menu";
    public const string Stop = "stop";
    public const string Annuleren = "annuleren";

    /// <summary>The verb as many type it; read as <see cref="Stop"/>. At a note step it would otherwise become the note.</summary>
    public const string Stoppen = "stoppen";
    public const string Signaleren = "signaleren";
    public const string Risico = "risico";
    public const string Melden = "melden";

    /// <summary>Words that show the welcome / help card.</summary>
    public static readonly IReadOnlySet<string> HelpWords =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { Help, Menu, "hulp", "hallo", "hoi", "start" };

    /// <summary>Normalises typed text for command matching: trimmed, lower-case, without a trailing "?" or "!".</summary>
    public static string Normalize(string? text) =>
        (text ?? string.Empty).Trim().TrimEnd('?', '!', '.').Trim().ToLowerInvariant();
}
