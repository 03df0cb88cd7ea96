using System.Globalization;
using GuidanceBot.Guidance.Routing;
using GuidanceBot.Guidance.Welcome;
using GuidanceBot.Testing;
using Xunit.Abstractions;

namespace GuidanceBot.IntegrationTests.EndToEnd;

/// <summary>
/// The playground's own web UI in headless chromium (tests/e2e/playground-ui.mjs): what a professional would
/// see in Teams. Kept to one test; behaviour is covered through the API in <see cref="PlaygroundConversationTests"/>.
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
}
