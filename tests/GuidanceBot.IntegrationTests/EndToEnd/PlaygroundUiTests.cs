using System.Globalization;
using System.Text.Json.Nodes;
using GuidanceBot.Guidance.Flows;
using GuidanceBot.Guidance.Flows.Risicotaxatie;
using GuidanceBot.Guidance.Flows.Signaleren;
using GuidanceBot.Guidance.Routing;
using GuidanceBot.Guidance.Welcome;
using GuidanceBot.Testing;
using Xunit.Abstractions;

namespace GuidanceBot.IntegrationTests.EndToEnd;

/// <summary>
/// The playground's own web UI in headless chromium (tests/e2e/playground-ui.mjs): what a professional would
/// see in Teams: the welcome card, and one flow completed by clicking card buttons (tests/e2e/playground-flow.mjs).
/// Kept to these two; behaviour is covered through the API in <see cref="PlaygroundConversationTests"/>.
/// </summary>
[Collection(EndToEndCollectionDefinition.Name)]
public sealed class PlaygroundUiTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task ComposeBox_Help_WelcomeCardRendersInTheChat()
    {
        ToolRequirement.Chromium();
        await EndToEndSession.RunAsync(output, async e2e =>
        {
            var screenshot = Path.Combine(e2e.ArtifactFolder, "playground-ui.png");
            var waitMilliseconds = EndToEndSession.WaitTimeout.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);

            // Bounded inside by one WaitTimeout per step (launch, page, card, reply), outside by this limit.
            var run = await NodeScript.RunAsync(
                "playground-ui.mjs",
                [
                    "--url", e2e.Playground.BaseAddress.AbsoluteUri,
                    "--text", Commands.Help,
                    "--heading", WelcomeTexts.Title,
                    "--screenshot", screenshot,
                    "--timeout-ms", waitMilliseconds,
                ],
                TimeSpan.FromMinutes(2));
            var result = run.Json();
            output.WriteLine($"Screenshot: {screenshot}");
            output.WriteLine($"Browser result: {result.ToJsonString()}");
            // First, so that a failed browser step is reported as itself, not as a missing message below.
            Assert.True((bool?)result["ok"] == true, $"The UI check failed at step '{result["step"]}': {result["error"]}");
            var sent = await e2e.Playground.Log.WaitForAsync(
                l => l.SentToBot && l.Text == Commands.Help, "the message typed in the UI reaching the bot");

            Assert.Equal(200, sent.StatusCode);
            Assert.Equal(WelcomeTexts.Title, (string?)result["headingText"]);
            Assert.True((bool?)result["headingVisible"] == true, "The card's heading is not visible.");
            Assert.True((int?)result["textBlocks"] >= 5, $"Only {result["textBlocks"]} TextBlocks rendered.");
            Assert.True((int?)result["containers"] >= 1, "The card's Container did not render.");
            Assert.Equal(
                [WelcomeTexts.SignalerenButton, WelcomeTexts.RisicoButton, WelcomeTexts.MeldenButton],
                result["buttons"]!.AsArray().Select(b => ((string?)b)?.Trim()));
            Assert.True(File.Exists(screenshot), $"No screenshot at {screenshot}.");
        });
    }

    [SkippableFact]
    public async Task Risicotaxatie_HappyPath_CompletedByClickingCardButtons()
    {
        ToolRequirement.Chromium();
        await EndToEndSession.RunAsync(output, async e2e =>
        {
            var waitMilliseconds = EndToEndSession.WaitTimeout.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);
            var signal = Label(RiskItems.ExploitationSignals, RiskItems.Controle);
            var riskFactor = Label(RiskItems.RiskFactors, "risico.lvb");
            var protective = Label(RiskItems.ProtectiveFactors, "bescherming.netwerk");
            var steps = new JsonArray(
                Step("acuteDanger", RisicotaxatieTexts.AcuteDangerQuestion, FlowTexts.No),
                Step("recentViolence", RisicotaxatieTexts.RecentViolenceQuestion, FlowTexts.No),
                Step("signals", RisicotaxatieTexts.SignalsHeading, FlowTexts.Next, signal),
                Step("riskFactors", RisicotaxatieTexts.RiskFactorsHeading, FlowTexts.Next, riskFactor),
                Step("protective", RisicotaxatieTexts.ProtectiveHeading, FlowTexts.Next, protective));

            // Bounded inside by one WaitTimeout per wait (launch, page, each card), outside by this limit.
            var run = await NodeScript.RunAsync(
                "playground-flow.mjs",
                [
                    "--url", e2e.Playground.BaseAddress.AbsoluteUri,
                    "--text", Commands.Risico,
                    "--steps", steps.ToJsonString(),
                    "--heading", RisicotaxatieTexts.SummaryTitle,
                    "--contains", FlowTexts.NotAValidatedInstrument,
                    "--then", FlowTexts.NextStepsTitle,
                    "--screenshot-dir", e2e.ArtifactFolder,
                    "--timeout-ms", waitMilliseconds,
                ],
                TimeSpan.FromMinutes(3));
            var result = run.Json();
            output.WriteLine($"Screenshots: {string.Join(", ", result["screenshots"]?.AsArray().Select(s => (string?)s) ?? [])}");
            output.WriteLine($"Browser result: {result.ToJsonString()}");
            // First, so that a failed browser step is reported as itself, not as a missing message below.
            Assert.True((bool?)result["ok"] == true, $"The UI flow failed at step '{result["step"]}': {result["error"]}");

            Assert.Equal(RisicotaxatieTexts.SummaryTitle, (string?)result["headingText"]);
            Assert.True((bool?)result["headingVisible"] == true, "The summary card's heading is not visible.");
            Assert.True((bool?)result["containsVisible"] == true, "The summary card does not say it is not a validated instrument.");
            Assert.Contains(FlowTexts.NotAValidatedInstrument, result["finalTexts"]!.AsArray().Select(t => (string?)t));
            Assert.True((bool?)result["thenVisible"] == true, "The next-steps card did not render after the summary.");
            var done = result["steps"]!.AsArray();
            Assert.Equal(steps.Count, done.Count);
            Assert.Equal([signal, riskFactor, protective], done.SelectMany(s => s!["ticked"]!.AsArray().Select(t => (string?)t)));

            // The ticked toggles reached the bot as the submitted card data, not just as checked boxes on screen.
            await e2e.Playground.Log.WaitForAsync(
                l => l.SentToBot && (string?)l.Activity["value"]?[RiskItems.Controle] == "true",
                "the signals card's submit with the ticked toggle");
            await e2e.Playground.Log.WaitForAsync(
                l => l.SentByBot && l.CardId == RisicotaxatieSummaryCard.Id, "the summary card sent by the bot");
            await e2e.Playground.Log.WaitForAsync(
                l => l.SentByBot && l.CardId == NextStepsCard.Id, "the next-steps card sent by the bot");

            var screenshots = result["screenshots"]!.AsArray().Select(s => (string?)s).ToList();
            // One per step, the summary and the next-steps card.
            Assert.Equal(steps.Count + 2, screenshots.Count);
            Assert.All(screenshots, s => Assert.True(File.Exists(s), $"No screenshot at {s}."));
        });
    }

    private static string Label(IReadOnlyList<Signal> items, string id) => items.Single(i => i.Id == id).Label;

    private static JsonObject Step(string name, string heading, string button, params string[] toggles) => new()
    {
        ["name"] = name,
        ["heading"] = heading,
        ["button"] = button,
        ["toggles"] = new JsonArray([.. toggles.Select(t => JsonValue.Create(t))]),
    };
}
