using GuidanceBot.Knowledge;
using Microsoft.Extensions.Options;

namespace GuidanceBot.Cli;

/// <summary>
/// Command-line verbs of the host (<c>ask</c>, <c>eval</c>, <c>package</c>), run instead of the web host when the
/// first argument names a verb. stdout carries only the result; logs go to stderr.
/// </summary>
public static class CliVerbs
{
    /// <summary>Exit code for bad arguments (usage printed on stderr).</summary>
    public const int UsageExitCode = 2;

    /// <summary>Exit code for a missing file or folder.</summary>
    public const int ErrorExitCode = 1;

    internal const string Usage = """
        Usage:
          GuidanceBot ask [--knowledge PATH] "vraag"     answer one question, with sources
          GuidanceBot ask [--knowledge PATH] --jsonl     one question per stdin line -> one JSON object per stdout line
          GuidanceBot eval [--knowledge PATH] FILE.jsonl hit@1, hit@3, MRR, no-answer precision and recall
          GuidanceBot package --app-id GUID --bot-id GUID --out FILE.zip   the Teams app package (see: package --help)
        The knowledge folder is --knowledge, else config key Knowledge:Path (appsettings.json or
        environment variable Knowledge__Path), else ./knowledge.
        """;

    /// <summary>Runs a verb on the process's console; returns null when <paramref name="args"/> names no verb.</summary>
    public static Task<int?> TryRunAsync(string[] args) =>
        TryRunAsync(args, Console.In, Console.Out, Console.Error, Directory.GetCurrentDirectory(), CancellationToken.None);

    /// <summary>Runs a verb on the given streams (testable); returns null when <paramref name="args"/> names no verb.</summary>
    internal static async Task<int?> TryRunAsync(
        string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, string workingDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length > 0 && args[0] == "package")
        {
            return await PackageVerb.RunAsync(args[1..], stdout, stderr, workingDirectory, cancellationToken);
        }

        if (args.Length == 0 || args[0] is not ("ask" or "eval"))
        {
            return null;
        }

        if (!CliArguments.TryParse(args, out var arguments, out var error))
        {
            await stderr.WriteLineAsync($"{error}\n\n{Usage}".AsMemory(), cancellationToken);
            return UsageExitCode;
        }

        var options = KnowledgeOptionsFor(arguments, workingDirectory);
        if (!Directory.Exists(options.Path))
        {
            await stderr.WriteLineAsync($"Knowledge folder not found: {options.Path}".AsMemory(), cancellationToken);
            return ErrorExitCode;
        }

        if (arguments.Verb == "eval" && !File.Exists(Path.GetFullPath(arguments.File!, workingDirectory)))
        {
            await stderr.WriteLineAsync($"Question file not found: {Path.GetFullPath(arguments.File!, workingDirectory)}".AsMemory(), cancellationToken);
            return ErrorExitCode;
        }

        using var knowledge = KnowledgeHost.Create(options, stderr);
        return arguments switch
        {
            { Verb: "eval" } => await EvalVerb.RunAsync(knowledge.Search, Path.GetFullPath(arguments.File!, workingDirectory), stdout, stderr, cancellationToken),
            { Jsonl: true } => await AskVerb.RunJsonlAsync(knowledge.Search, stdin, stdout, cancellationToken),
            _ => await AskVerb.RunAsync(knowledge.Search, arguments.Question!, stdout, cancellationToken),
        };
    }

    private static KnowledgeOptions KnowledgeOptionsFor(CliArguments arguments, string workingDirectory)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(workingDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        var options = new KnowledgeOptions();
        configuration.GetSection("Knowledge").Bind(options);
        options.Path = Path.GetFullPath(arguments.KnowledgePath ?? options.Path, workingDirectory);
        options.WatchForChanges = false;
        return options;
    }

    /// <summary>The knowledge layer composed for one CLI run, logging to stderr.</summary>
    private sealed class KnowledgeHost(ServiceProvider services) : IDisposable
    {
        public IPassageSearch Search { get; } = services.GetRequiredService<IPassageSearch>();

        public static KnowledgeHost Create(KnowledgeOptions options, TextWriter stderr)
        {
            var services = new ServiceCollection()
                .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Information).AddProvider(new TextWriterLoggerProvider(stderr)))
                .AddKnowledge();
            services.AddSingleton(Options.Create(options));
            return new KnowledgeHost(services.BuildServiceProvider());
        }

        public void Dispose() => services.Dispose();
    }
}
