namespace GuidanceBot.Cli;

/// <summary>The parsed command line of a verb.</summary>
internal sealed record CliArguments(string Verb, string? KnowledgePath, bool Jsonl, string? Question, string? File)
{
    public static bool TryParse(string[] args, out CliArguments arguments, out string error)
    {
        arguments = new CliArguments(args[0], null, false, null, null);
        error = string.Empty;
        string? knowledge = null;
        var jsonl = false;
        var positional = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--knowledge" when i + 1 < args.Length:
                    knowledge = args[++i];
                    break;
                case "--knowledge":
                    error = "--knowledge needs a folder.";
                    return false;
                case "--jsonl" when args[0] == "ask":
                    jsonl = true;
                    break;
                case var option when option.StartsWith("--", StringComparison.Ordinal):
                    error = $"Unknown option {option}.";
                    return false;
                default:
                    positional.Add(args[i]);
                    break;
            }
        }

        switch (args[0])
        {
            case "ask" when jsonl && positional.Count > 0:
                error = "ask --jsonl reads the questions from stdin; give no question argument.";
                return false;
            case "ask" when !jsonl && (positional.Count != 1 || string.IsNullOrWhiteSpace(positional[0])):
                error = "ask needs one question (quote it) or --jsonl.";
                return false;
            case "eval" when positional.Count != 1:
                error = "eval needs one question file.";
                return false;
        }

        arguments = new CliArguments(
            args[0],
            knowledge,
            jsonl,
            args[0] == "ask" && !jsonl ? positional[0] : null,
            args[0] == "eval" ? positional[0] : null);
        return true;
    }
}
