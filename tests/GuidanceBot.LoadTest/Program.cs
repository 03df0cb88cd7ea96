using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using GuidanceBot.LoadTest;

if (args.Length >= 2 && args[0] == "--serve-bare")
{
    await BareEndpoint.RunAsync(int.Parse(args[1], CultureInfo.InvariantCulture));
    return 0;
}

var options = LoadOptions.Parse(args);
var root = FindRepositoryRoot();
var shared = Environment.GetEnvironmentVariable("GUIDANCEBOT_SHARED") is { Length: > 0 } configured ? configured : Path.Combine(root, "..", "shared");
var questions = Scenarios.ReadQuestions(Path.Combine(shared, "domain", "questions-dev.jsonl"));
if (options.InProcess)
{
    var inProcessData = Directory.CreateTempSubdirectory("guidancebot-inproc-").FullName;
    Console.WriteLine(await InProcessRun.RunAsync(root, questions, options, inProcessData));
    Directory.Delete(inProcessData, recursive: true);
    return 0;
}

var botFolder = Path.Combine(root, "artifacts", "loadtest", "bot");
if (!options.NoPublish)
{
    Console.Error.WriteLine("Publishing the bot (Release) …");
    Run("dotnet", ["publish", Path.Combine(root, "src", "GuidanceBot"), "-c", "Release", "-o", botFolder, "--nologo", "-v", "quiet"]);
}

var dataFolder = Directory.CreateTempSubdirectory("guidancebot-load-").FullName;
var botPort = FreePort();
var barePort = FreePort();
var botUri = new Uri($"http://127.0.0.1:{botPort}");
var bareUri = new Uri($"http://127.0.0.1:{barePort}");

var botEnvironment = BotSettings.AsEnvironment(root, dataFolder, options.Storage, options.BotLogLevel);
var botLog = Path.Combine(root, "artifacts", "loadtest", "bot.log");
using var bot = ServerProcess.Start("dotnet", [Path.Combine(botFolder, "GuidanceBot.dll"), "--urls", botUri.ToString()], botEnvironment, botLog);
var startup = await WaitForFirstAnswerAsync(botUri, bot, questions[0]);
// The generator serves the bare endpoint itself, started like the bot: `dotnet` and the assembly, however this process was started.
using var bare = ServerProcess.Start(
    "dotnet", [typeof(LoadRunner).Assembly.Location, "--serve-bare", barePort.ToString(CultureInfo.InvariantCulture)], new Dictionary<string, string>(), Path.Combine(root, "artifacts", "loadtest", "bare.log"));
await WaitForHealthAsync(bareUri);

var results = new List<PhaseResult>();
foreach (var concurrency in options.Concurrency)
{
    // Warm-up runs are not reported: JIT and caches make the first seconds unrepresentative.
    await LoadRunner.RunAsync("warmup", bareUri, bare, Scenarios.Bare, concurrency, TimeSpan.FromSeconds(3), int.MaxValue);
    var selected = Scenarios.ForBot(questions).Where(s => options.Runs(s.Option)).ToList();
    foreach (var scenario in selected)
    {
        await LoadRunner.RunAsync("warmup", botUri, bot, scenario.Turn, concurrency, TimeSpan.FromSeconds(3), int.MaxValue);
    }

    // Rounds alternate the bare endpoint and the bot, and each bot phase is set against the bare phase of its own
    // round: on a machine whose speed drifts (shared hosts do, by ±20 % here), a ratio of neighbours holds.
    for (var round = 1; round <= options.Rounds; round++)
    {
        results.Add(await LoadRunner.RunAsync("bare Kestrel endpoint", bareUri, bare, Scenarios.Bare, concurrency, options.Duration, options.MaxRequests) with { Round = round });
        foreach (var scenario in selected)
        {
            results.Add(await LoadRunner.RunAsync(scenario.Name, botUri, bot, scenario.Turn, concurrency, options.Duration, options.MaxRequests) with { Round = round });
        }
    }
}

IReadOnlyList<(TimeSpan At, long WorkingSet)> soak = [];
if (options.Soak is { } soakDuration)
{
    soak = await Soak.RunAsync(botUri, bot, questions, options.Concurrency[0], soakDuration);
}

Console.WriteLine(Report.Markdown(results, startup, soak, options.Storage, options.BotLogLevel));
if (results.Any(r => r.Failures > 0))
{
    Console.Error.WriteLine($"Some requests failed; the bot's log is {botLog}.");
}

Directory.Delete(dataFolder, recursive: true);
return results.Any(r => r.Failures > 0) ? 1 : 0;

static async Task<TimeSpan> WaitForFirstAnswerAsync(Uri botUri, ServerProcess bot, string question)
{
    using var client = new HttpClient { BaseAddress = botUri, Timeout = TimeSpan.FromSeconds(5) };
    var deadline = DateTime.UtcNow.AddSeconds(60);
    while (DateTime.UtcNow < deadline)
    {
        try
        {
            using var response = await Scenarios.PostAsync(client, Scenarios.Message("startup", question), CancellationToken.None);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return DateTime.UtcNow - bot.StartedAt;
            }
        }
        catch (HttpRequestException)
        {
            // Not listening yet.
        }

        await Task.Delay(10);
    }

    throw new TimeoutException("The bot did not answer within 60 s.");
}

static async Task WaitForHealthAsync(Uri uri)
{
    using var client = new HttpClient { BaseAddress = uri, Timeout = TimeSpan.FromSeconds(5) };
    for (var attempt = 0; attempt < 600; attempt++)
    {
        try
        {
            if ((await client.GetAsync(new Uri("/healthz", UriKind.Relative))).IsSuccessStatusCode)
            {
                return;
            }
        }
        catch (HttpRequestException)
        {
            // Not listening yet.
        }

        await Task.Delay(50);
    }

    throw new TimeoutException($"{uri} did not become healthy.");
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

static string FindRepositoryRoot()
{
    for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "GuidanceBot.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("Run from inside the repository.");
}

static void Run(string fileName, string[] arguments)
{
    var info = new ProcessStartInfo(fileName);
    foreach (var argument in arguments)
    {
        info.ArgumentList.Add(argument);
    }

    using var process = Process.Start(info)!;
    process.WaitForExit();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} failed with {process.ExitCode}.");
    }
}
