using System.Diagnostics;
using System.Runtime.CompilerServices;
using GuidanceBot.Testing;
using Xunit.Abstractions;

namespace GuidanceBot.IntegrationTests.EndToEnd;

/// <summary>
/// One end-to-end test's world: the real bot on a free loopback port and a fresh Agents Playground pointed at
/// it, with a personal chat of its own. Everything is started per test (about two seconds) so that no
/// conversation state or buffered event leaks from one test into the next.
/// </summary>
public sealed class EndToEndSession : IAsyncDisposable
{
    /// <summary>The bound on every wait for a real condition: generous for a busy 2-core machine, never a sleep.</summary>
    public static readonly TimeSpan WaitTimeout = TimeSpan.FromSeconds(30);

    private readonly CapturedLog _botLog = new();

    private EndToEndSession(string artifactFolder)
    {
        ArtifactFolder = artifactFolder;
        Bot = new PlaygroundBotFactory(_botLog);
    }

    public PlaygroundBotFactory Bot { get; }

    public Playground Playground { get; private set; } = null!;

    /// <summary><c>artifacts/e2e/&lt;test&gt;/</c>: the playground's working directory, logs, recording and screenshots.</summary>
    public string ArtifactFolder { get; }

    /// <summary>
    /// Starts the bot and the playground, runs <paramref name="test"/>, and stops both, leaving no process behind.
    /// When anything fails (start included) the playground's log, the bot's log and both streams go to the
    /// test output before the failure is rethrown. Skips (or fails on CI) when node or node_modules is missing.
    /// </summary>
    public static async Task RunAsync(
        ITestOutputHelper output, Func<EndToEndSession, Task> test, [CallerMemberName] string testName = "")
    {
        ToolRequirement.Node();
        ToolRequirement.NodeModules();

        var clock = Stopwatch.StartNew();
        var session = new EndToEndSession(TestArtifacts.FreshFolder("e2e", TestArtifacts.SafeName(testName)));
        try
        {
            await session.StartAsync();
            output.WriteLine(
                $"Bot {session.Bot.MessagesEndpoint} and playground {session.Playground.BaseAddress} ready in {clock.ElapsedMilliseconds} ms; artifacts in {session.ArtifactFolder}");
            await test(session);
        }
        catch (Exception e) when (e is not SkipException && WriteDiagnostics(output, session))
        {
            throw;
        }
        finally
        {
            await session.DisposeAsync();
            output.WriteLine($"Finished in {clock.ElapsedMilliseconds} ms.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Playground is not null)
        {
            await File.WriteAllLinesAsync(Path.Combine(ArtifactFolder, "conversation-stream.jsonl"), Playground.Conversation?.RawEvents() ?? []);
            await File.WriteAllLinesAsync(Path.Combine(ArtifactFolder, "log-stream.jsonl"), Playground.Log?.RawEvents() ?? []);
            await Playground.DisposeAsync();
        }

        await Bot.DisposeAsync();
        await File.WriteAllLinesAsync(Path.Combine(ArtifactFolder, "bot.log"), _botLog.Lines);
    }

    private async Task StartAsync()
    {
        // The playground waits for the bot's endpoint when a client connects: start the bot first.
        Bot.Start();
        using var cancel = new CancellationTokenSource(3 * WaitTimeout);
        Playground = await Playground.StartAsync(
            Bot.MessagesEndpoint, $"e2e-{Guid.NewGuid():N}"[..16], ArtifactFolder, cancel.Token);
    }

    // An exception filter: runs before the stack unwinds and the session is disposed, and returns false so
    // the original exception propagates untouched.
    private static bool WriteDiagnostics(ITestOutputHelper output, EndToEndSession session)
    {
        try
        {
            output.WriteLine("==== The test failed. What the playground and the bot saw:");
            if (session.Playground is { } playground)
            {
                output.WriteLine($"---- playground log ({playground.LogFile})");
                output.WriteLine(Tail(playground.ReadLogFile(), 20_000));
                output.WriteLine("---- playground stdout/stderr");
                output.WriteLine(string.Join('\n', playground.Console));
                if (playground.Conversation is not null)
                {
                    output.WriteLine("---- " + playground.Conversation.Describe());
                }

                if (playground.Log is not null)
                {
                    output.WriteLine("---- " + playground.Log.Describe());
                }

                output.WriteLine($"---- recording of every exchange: {playground.RecordingFile}");
            }
            else
            {
                output.WriteLine("(the playground did not start)");
            }

            output.WriteLine("---- bot log");
            output.WriteLine(Tail(string.Join('\n', session._botLog.Lines), 20_000));
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            output.WriteLine($"(could not collect diagnostics: {e.Message})");
        }

        return false;
    }

    private static string Tail(string text, int max) => text.Length <= max ? text : "…" + text[^max..];
}
