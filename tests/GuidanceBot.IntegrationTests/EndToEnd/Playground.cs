using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GuidanceBot.Testing;

namespace GuidanceBot.IntegrationTests.EndToEnd;

/// <summary>
/// Microsoft 365 Agents Playground (the pinned npm package) as a local Teams client, driven through the HTTP
/// and WebSocket API its own web UI uses (shared/design/PLAYGROUND.md). One process, one personal chat; the
/// process tree is killed on dispose.
/// </summary>
public sealed partial class Playground : IAsyncDisposable
{
    /// <summary>The version whose internal routes the harness relies on (package.json pins it).</summary>
    public const string Version = "0.2.28";

    /// <summary>The playground's default current user, who sends every message.</summary>
    public const string UserId = "user-id-0";

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _console = new();

    private Playground(Process process, string workingDirectory)
    {
        _process = process;
        WorkingDirectory = workingDirectory;
    }

    /// <summary>Its working directory: holds its log, its recording and the <c>devTools/</c> it writes.</summary>
    public string WorkingDirectory { get; }

    public string LogFile => Path.Combine(WorkingDirectory, "playground.log");

    /// <summary>Every HTTP exchange with the bot, written because of <c>--er</c>: keep it as a CI artifact.</summary>
    public string RecordingFile => Path.Combine(WorkingDirectory, "events.log");

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1:0/");

    public string ConversationId { get; private set; } = string.Empty;

    /// <summary>The bot's id in this playground (from its test config): the <c>from.id</c> of the bot's activities.</summary>
    public string BotId { get; private set; } = string.Empty;

    public HttpClient Http { get; private set; } = new();

    /// <summary>What the chat UI shows: <c>/_ws_conversation/v1/conversations/stream</c>.</summary>
    public PlaygroundFeed<ChatMessage> Conversation { get; private set; } = null!;

    /// <summary>Every HTTP exchange with the bot, with the raw activity: <c>/_ws/log/stream</c>.</summary>
    public PlaygroundFeed<ExchangeLog> Log { get; private set; } = null!;

    /// <summary>What the process printed on stdout and stderr (errors go to <see cref="LogFile"/> only).</summary>
    public IReadOnlyCollection<string> Console => _console;

    /// <summary>
    /// Starts the playground against <paramref name="botEndpoint"/> on a free port and returns once it answers
    /// <c>/_debug/ping</c> and both streams are connected. Nothing is sent to the bot yet.
    /// </summary>
    public static async Task<Playground> StartAsync(
        Uri botEndpoint, string conversationId, string workingDirectory, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(ToolRequirement.Node())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        // node directly, not npx: one process to stop.
        foreach (var argument in new[]
        {
            Path.Combine(ToolRequirement.NodeModules(), "@microsoft", "m365agentsplayground", "cli.js"),
            "-e", botEndpoint.AbsoluteUri, "-c", "msteams", "--dt", "--er", "-p", "0", "--conversation-id", conversationId,
        })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in new[] { "AUTH_CLIENT_ID", "AUTH_CLIENT_SECRET", "AUTH_TENANT_ID", "BOT_ENDPOINT", "M365_AGENTS_PLAYGROUND_TARGET_SDK" })
        {
            start.Environment.Remove(name);
        }

        start.Environment["TEAMSAPPTESTER_BROWSER"] = "none";
        // With --dt alone its telemetry SDK still probes the network.
        start.Environment["APPLICATION_INSIGHTS_NO_STATSBEAT"] = "true";
        start.Environment["M365_AGENTS_PLAYGROUND_LOGFILE"] = Path.Combine(workingDirectory, "playground.log");
        start.Environment["M365_AGENTS_PLAYGROUND_RECORDING_FILE"] = Path.Combine(workingDirectory, "events.log");

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var playground = new Playground(process, workingDirectory) { ConversationId = conversationId };
        try
        {
            await playground.StartProcessAsync(cancellationToken);
            await playground.WaitForPingAsync(cancellationToken);
            playground.BotId = (string?)(await playground.GetTestConfigAsync(cancellationToken))["config"]?["bot"]?["id"]
                ?? throw new InvalidOperationException("The playground's test config names no bot id.");
            var ws = new UriBuilder(playground.BaseAddress) { Scheme = "ws" }.Uri;
            playground.Conversation = new PlaygroundFeed<ChatMessage>(new Uri(ws, "/_ws_conversation/v1/conversations/stream"), ChatMessage.Parse);
            await playground.Conversation.ConnectAsync(cancellationToken);
            playground.Log = new PlaygroundFeed<ExchangeLog>(new Uri(ws, "/_ws/log/stream"), ExchangeLog.Parse);
            await playground.Log.ConnectAsync(cancellationToken);
            return playground;
        }
        catch
        {
            await playground.DisposeAsync();
            throw;
        }
    }

    /// <summary>Installs the app in the personal chat: the bot receives installationUpdate and conversationUpdate.</summary>
    public Task InstallAsync(CancellationToken cancellationToken = default) =>
        PostAsync($"/_debug/conversation/{Uri.EscapeDataString(ConversationId)}/installation", new JsonObject(), cancellationToken);

    /// <summary>Sends a user message in the personal chat; returns the UI's message id for it.</summary>
    public async Task<string> SendMessageAsync(string text, CancellationToken cancellationToken = default)
    {
        var body = await PostAsync(
            $"/_conversation/v1/conversations/{Uri.EscapeDataString(ConversationId)}/messages",
            new JsonObject { ["from"] = new JsonObject { ["id"] = UserId }, ["text"] = text, ["textFormat"] = "plain" },
            cancellationToken);
        return (string?)body?["messageId"] ?? throw new InvalidOperationException($"No messageId in the playground's answer: {body}");
    }

    /// <summary>Clicks an Action.Submit: the bot receives a message whose value is the action's data.</summary>
    public Task SubmitAsync(string cardMessageId, JsonObject data, CancellationToken cancellationToken = default) =>
        PostAsync(
            "/_conversation/v1/submit",
            new JsonObject
            {
                ["conversation"] = new JsonObject { ["id"] = ConversationId },
                ["from"] = new JsonObject { ["id"] = UserId },
                ["replyToId"] = cardMessageId,
                ["value"] = data.DeepClone(),
            },
            cancellationToken);

    public async Task<JsonObject> GetTestConfigAsync(CancellationToken cancellationToken = default)
    {
        var config = await Http.GetFromJsonAsync<JsonObject>("/_internal/v1/testConfig", cancellationToken);
        return config ?? throw new InvalidOperationException("The playground's test config is empty.");
    }

    /// <summary>The playground's log file so far (it keeps writing while running).</summary>
    public string ReadLogFile() => ReadShared(LogFile);

    public string ReadRecordingFile() => ReadShared(RecordingFile);

    public async ValueTask DisposeAsync()
    {
        if (Log is not null)
        {
            await Log.DisposeAsync();
        }

        if (Conversation is not null)
        {
            await Conversation.DisposeAsync();
        }

        Http.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }

        _process.Dispose();
    }

    private async Task StartProcessAsync(CancellationToken cancellationToken)
    {
        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            _console.Enqueue(e.Data);
            var match = ListeningLine().Match(e.Data);
            if (match.Success)
            {
                listening.TrySetResult(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            }
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                _console.Enqueue("stderr: " + e.Data);
            }
        };
        _process.Exited += (_, _) => listening.TrySetException(
            new InvalidOperationException($"The playground exited with code {_process.ExitCode} before it listened."));

        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        _process.StandardInput.Close();

        int port;
        try
        {
            port = await listening.Task.WaitAsync(EndToEndSession.WaitTimeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The playground printed no 'Listening on <port>' within {EndToEndSession.WaitTimeout.TotalSeconds:0} s.");
        }

        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = EndToEndSession.WaitTimeout };
    }

    // "Listening on" comes before the routes are mounted on some machines; /_debug/ping answers once they are.
    private async Task WaitForPingAsync(CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(EndToEndSession.WaitTimeout);
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        var last = "no answer";
        do
        {
            try
            {
                using var response = await Http.GetAsync("/_debug/ping", deadline.Token);
                var body = await response.Content.ReadAsStringAsync(deadline.Token);
                if (response.IsSuccessStatusCode && body.Trim() == "pong")
                {
                    return;
                }

                last = $"{(int)response.StatusCode} {body}";
            }
            catch (HttpRequestException e)
            {
                last = e.Message;
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                break;
            }
        }
        while (await WaitForTickAsync(poll, deadline.Token));

        throw new TimeoutException($"{BaseAddress}_debug/ping did not answer 'pong' within {EndToEndSession.WaitTimeout.TotalSeconds:0} s (last: {last}).");
    }

    private static async Task<bool> WaitForTickAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task<JsonNode?> PostAsync(string path, JsonObject body, CancellationToken cancellationToken)
    {
        using var response = await Http.PostAsJsonAsync(path, body, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"POST {path} answered {(int)response.StatusCode}: {text}");
        }

        return text.Length == 0 ? null : JsonNode.Parse(text);
    }

    private static string ReadShared(string path)
    {
        if (!File.Exists(path))
        {
            return $"({path} does not exist)";
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"^Listening on (\d+)\s*$")]
    private static partial Regex ListeningLine();
}
