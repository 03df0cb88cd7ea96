namespace GuidanceBot.LoadTest;

/// <summary>Runs mixed load for a long time and samples the bot's working set, to see whether memory stays flat.</summary>
internal static class Soak
{
    public static async Task<IReadOnlyList<(TimeSpan At, long WorkingSet)>> RunAsync(
        Uri botUri, ServerProcess bot, IReadOnlyList<string> questions, int concurrency, TimeSpan duration)
    {
        var samples = new List<(TimeSpan, long)>();
        var slice = TimeSpan.FromSeconds(30);
        var question = Scenarios.Questions(questions);
        for (var at = TimeSpan.Zero; at < duration; at += slice)
        {
            // Alternate question answering and flows, one slice each, and sample memory after every slice.
            var turn = (int)(at / slice) % 2 == 0 ? question : FlowScripts.Turn;
            await LoadRunner.RunAsync("soak", botUri, bot, turn, concurrency, slice, int.MaxValue);
            samples.Add((at + slice, bot.WorkingSet));
        }

        return samples;
    }
}
