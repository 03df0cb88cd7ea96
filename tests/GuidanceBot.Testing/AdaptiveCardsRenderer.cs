using System.Text.Json.Nodes;
using GuidanceBot.Cards;
using GuidanceBot.Cards.Model;

namespace GuidanceBot.Testing;

/// <summary>A card to render: a name (also the screenshot's file name) and the card's JSON.</summary>
public sealed record CardToRender(string Name, string Json)
{
    /// <summary>A product card, serialized exactly as the bot sends it.</summary>
    public static CardToRender From(string name, AdaptiveCard card) => new(name, CardSerializer.Serialize(card));
}

/// <summary>What the official renderer made of one card.</summary>
/// <param name="Name">The card's name as given in <see cref="CardToRender"/>, made file-name safe.</param>
/// <param name="ParseErrors">Events of <c>card.parse</c> (unknown types, invalid values, unsupported version), as "Event: message".</param>
/// <param name="ValidationEvents">Events of <c>card.validateProperties()</c>, as "Event: message".</param>
/// <param name="Rendered">Whether <c>card.render()</c> produced a non-empty element.</param>
/// <param name="TextBlocks">How many TextBlocks (<c>.ac-textBlock</c>) were rendered.</param>
/// <param name="Buttons">The titles of the rendered action buttons (<c>.ac-pushButton</c>), in order.</param>
/// <param name="Text">The rendered card's visible text (markdown already turned into formatting).</param>
/// <param name="ScreenshotPath">A PNG of the rendered card under <c>artifacts/cards/</c>.</param>
public sealed record CardRenderResult(
    string Name,
    IReadOnlyList<string> ParseErrors,
    IReadOnlyList<string> ValidationEvents,
    bool Rendered,
    int TextBlocks,
    IReadOnlyList<string> Buttons,
    string Text,
    string ScreenshotPath);

/// <summary>
/// Renders cards with the official <c>adaptivecards</c> JS renderer (the version pinned in package.json) in
/// headless chromium: <c>tests/e2e/render-cards.mjs</c> opens the local page <c>render-cards.html</c>, which
/// parses, validates and renders each card, and takes one screenshot per card into <c>artifacts/cards/</c>.
/// One browser start serves the whole list, so pass every card of a test in one call. Follows
/// <see cref="ToolRequirement"/>: call it from a <c>[SkippableFact]</c> or <c>[SkippableTheory]</c>.
/// </summary>
/// <example>
/// <code>
/// var results = await AdaptiveCardsRenderer.RenderAsync(
///     CardToRender.From("welcome", WelcomeCard.Build(inGroup: false)),
///     CardToRender.From("answer-meldcode", AnswerCard.Build(...)));
/// Assert.All(results, r => Assert.Empty(r.ParseErrors));
/// </code>
/// </example>
public static class AdaptiveCardsRenderer
{
    /// <summary>The folder that receives one <c>&lt;name&gt;.png</c> per rendered card.</summary>
    public static string ScreenshotFolder => TestArtifacts.Folder("cards");

    public static Task<IReadOnlyList<CardRenderResult>> RenderAsync(params CardToRender[] cards) =>
        RenderAsync(cards, CancellationToken.None);

    public static async Task<IReadOnlyList<CardRenderResult>> RenderAsync(
        IReadOnlyList<CardToRender> cards, CancellationToken cancellationToken)
    {
        ToolRequirement.Node();
        ToolRequirement.NodeModules();
        ToolRequirement.Chromium();
        var duplicate = cards.GroupBy(c => TestArtifacts.SafeName(c.Name)).FirstOrDefault(g => g.Count() > 1);
        Assert.True(duplicate is null, $"Two cards would share the screenshot name '{duplicate?.Key}'.");

        var input = Path.Combine(Path.GetTempPath(), $"guidancebot-cards-{Guid.NewGuid():N}.json");
        var payload = new JsonArray([.. cards.Select(c => (JsonNode)new JsonObject
        {
            ["name"] = TestArtifacts.SafeName(c.Name),
            ["card"] = JsonNode.Parse(c.Json),
        })]);
        await File.WriteAllTextAsync(input, payload.ToJsonString(), cancellationToken);
        try
        {
            // Chromium's start dominates; each card adds a parse, a render and one screenshot.
            var timeout = TimeSpan.FromSeconds(30 + (2 * cards.Count));
            var run = await NodeScript.RunAsync(
                "render-cards.mjs",
                ["--input", input, "--out", ScreenshotFolder, "--timeout-ms", "30000"],
                timeout,
                cancellationToken);
            var result = run.Json();
            Assert.True(
                (bool?)result["ok"] == true,
                $"The renderer script failed: {result["error"]}\nstderr:\n{run.StandardError}");
            return [.. result["cards"]!.AsArray().Select(c => ToResult(c!.AsObject()))];
        }
        finally
        {
            File.Delete(input);
        }
    }

    private static CardRenderResult ToResult(JsonObject card) => new(
        Name: (string)card["name"]!,
        ParseErrors: Events(card["parseErrors"]),
        ValidationEvents: Events(card["validationEvents"]),
        Rendered: (bool)card["rendered"]!,
        TextBlocks: (int)card["textBlocks"]!,
        Buttons: [.. card["buttons"]!.AsArray().Select(b => (string)b!)],
        Text: (string?)card["text"] ?? string.Empty,
        ScreenshotPath: (string)card["screenshot"]!);

    private static string[] Events(JsonNode? events) =>
        [.. (events?.AsArray() ?? []).Select(e => $"{(string?)e!["event"]}: {(string?)e["message"]}")];
}
