using System.Text.Json;
using GuidanceBot.Cli;

namespace GuidanceBot.IntegrationTests.Cli;

public sealed class CliVerbsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "gb-cli-" + Guid.NewGuid().ToString("N"));

    public CliVerbsTests()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "knowledge"));
        File.WriteAllText(Path.Combine(_folder, "knowledge", "01-melden.md"), """
            ---
            id: melden
            title: Melden
            theme: melden
            audience: [jeugd-lvb]
            sources: [https://example.org/melden]
            checked: 2025-01-01
            ---

            ## Veilig Thuis bellen

            Bel Veilig Thuis via 0800-2000, dag en nacht bereikbaar.

            Bron: https://example.org/veilig-thuis

            ## Aanmelden bij CoMensha

            CoMensha registreert vermoedelijke slachtoffers van mensenhandel.

            Bron: https://example.org/comensha

            ## Sextortion

            Sextortion is afpersing met naaktbeelden.

            Bron: https://example.org/sextortion

            ## Opvang

            Gespecialiseerde opvang biedt behandeling aan slachtoffers.

            Bron: https://example.org/opvang
            """);
        File.WriteAllText(Path.Combine(_folder, "knowledge", "synonyms.txt"), "vt, veilig thuis\n");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task TryRunAsync_NoVerb_ReturnsNull()
    {
        var exitCode = await RunAsync(["--urls", "http://localhost:5000"]);

        Assert.Null(exitCode.ExitCode);
    }

    [Fact]
    public async Task AskJsonl_ThreeLines_WritesThreeObjectsInOrder()
    {
        var run = await RunAsync(["ask", "--jsonl", "--knowledge", "knowledge"], "Hoe bel ik VT?\nhoofdstad van Frankrijk\nWat is sextortion?\n");

        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(3, lines.Length);
        var objects = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["Hoe bel ik VT?", "hoofdstad van Frankrijk", "Wat is sextortion?"], objects.Select(o => o.GetProperty("question").GetString()));
        Assert.Equal([true, false, true], objects.Select(o => o.GetProperty("answered").GetBoolean()));
        Assert.Equal(0, objects[1].GetProperty("passages").GetArrayLength());
        var first = objects[0].GetProperty("passages")[0];
        Assert.Equal("melden#veilig-thuis-bellen", first.GetProperty("id").GetString());
        Assert.Equal("Melden", first.GetProperty("title").GetString());
        Assert.Equal("Veilig Thuis bellen", first.GetProperty("section").GetString());
        Assert.Equal("https://example.org/veilig-thuis", first.GetProperty("source").GetString());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("page").ValueKind);
        Assert.True(first.GetProperty("score").GetDouble() > 0);
        Assert.Contains("0800-2000", first.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.All(objects, o => Assert.InRange(o.GetProperty("passages").GetArrayLength(), 0, 3));
    }

    [Fact]
    public async Task AskJsonl_BlankLine_StillWritesOneLine()
    {
        var run = await RunAsync(["ask", "--jsonl", "--knowledge", "knowledge"], "\nWat is sextortion?\n");

        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.False(JsonDocument.Parse(lines[0]).RootElement.GetProperty("answered").GetBoolean());
        Assert.DoesNotContain("Information", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("index built", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_Question_PrintsPassageAndSource()
    {
        var run = await RunAsync(["ask", "--knowledge", "knowledge", "Wat is sextortion?"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Melden › Sextortion", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Bron: https://example.org/sextortion", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_QuestionFile_PrintsFigures()
    {
        File.WriteAllLines(Path.Combine(_folder, "q.jsonl"),
        [
            """{"id": "a", "question": "Wat is sextortion?", "expect_any": ["afpersing"], "expect_all": []}""",
            """{"id": "b", "question": "Wat is de hoofdstad van Frankrijk?", "expect_any": [], "expect_all": [], "expect_none": true}""",
        ]);

        var run = await RunAsync(["eval", "--knowledge", "knowledge", "q.jsonl"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("hit@1                1.000", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("hit@3", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("MRR", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("no-answer precision  1.000", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("no-answer recall     1.000", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ask")]
    [InlineData("ask", "--bogus", "vraag")]
    [InlineData("ask", "--jsonl", "vraag")]
    [InlineData("eval")]
    [InlineData("ask", "--knowledge")]
    public async Task Verb_BadArguments_PrintsUsageAndExits2(params string[] args)
    {
        var run = await RunAsync(args);

        Assert.Equal(CliVerbs.UsageExitCode, run.ExitCode);
        Assert.Contains("Usage:", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public async Task Eval_MissingFile_Exits1WithMessage()
    {
        var run = await RunAsync(["eval", "--knowledge", "knowledge", "ontbreekt.jsonl"]);

        Assert.Equal(CliVerbs.ErrorExitCode, run.ExitCode);
        Assert.Contains("Question file not found", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_MissingKnowledgeFolder_Exits1WithMessage()
    {
        var run = await RunAsync(["ask", "--knowledge", "nergens", "vraag"]);

        Assert.Equal(CliVerbs.ErrorExitCode, run.ExitCode);
        Assert.Contains("Knowledge folder not found", run.Stderr, StringComparison.Ordinal);
    }

    private async Task<(int? ExitCode, string Stdout, string Stderr)> RunAsync(string[] args, string stdin = "")
    {
        using var input = new StringReader(stdin);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliVerbs.TryRunAsync(args, input, output, error, _folder, CancellationToken.None);
        return (exitCode, output.ToString(), error.ToString());
    }
}
