using System.Globalization;

namespace GuidanceBot.LoadTest;

/// <summary>Command-line options of the load generator.</summary>
internal sealed record LoadOptions(int[] Concurrency, TimeSpan Duration, int MaxRequests, TimeSpan? Soak, bool NoPublish)
{
    public static LoadOptions Parse(string[] args)
    {
        var options = new LoadOptions([64], TimeSpan.FromSeconds(20), 200_000, null, false);
        for (var i = 0; i < args.Length; i++)
        {
            options = args[i] switch
            {
                "--concurrency" => options with { Concurrency = [.. args[++i].Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture))] },
                "--seconds" => options with { Duration = TimeSpan.FromSeconds(int.Parse(args[++i], CultureInfo.InvariantCulture)) },
                "--max-requests" => options with { MaxRequests = int.Parse(args[++i], CultureInfo.InvariantCulture) },
                "--soak" => options with { Soak = TimeSpan.FromSeconds(int.Parse(args[++i], CultureInfo.InvariantCulture)) },
                "--no-publish" => options with { NoPublish = true },
                _ => throw new ArgumentException($"Unknown option {args[i]}. Options: --concurrency 1,16,64 --seconds N --max-requests N --soak SECONDS --no-publish"),
            };
        }

        return options;
    }
}
