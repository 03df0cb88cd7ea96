using GuidanceBot.Guidance.Welcome;
using GuidanceBot.Testing;
using Xunit.Abstractions;

namespace GuidanceBot.IntegrationTests.EndToEnd;

/// <summary>Product cards through the official adaptivecards JS renderer (STYLE.md §6: the render smoke test).</summary>
[Collection(EndToEndCollectionDefinition.Name)]
public sealed class CardRenderingTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Render_WelcomeCard_ParsesValidatesAndRenders()
    {
        var results = await AdaptiveCardsRenderer.RenderAsync(CardToRender.From(WelcomeCard.Id, WelcomeCard.Build()));

        var welcome = Assert.Single(results);
        output.WriteLine($"Screenshot: {welcome.ScreenshotPath}");
        Assert.Empty(welcome.ParseErrors);
        Assert.Empty(welcome.ValidationEvents);
        Assert.True(welcome.Rendered, "card.render() produced nothing.");
        Assert.StartsWith(WelcomeTexts.Title, welcome.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("**", welcome.Text, StringComparison.Ordinal);
        Assert.Equal([WelcomeTexts.SignalerenButton, WelcomeTexts.RisicoButton, WelcomeTexts.MeldenButton], welcome.Buttons);
        Assert.True(File.Exists(welcome.ScreenshotPath), $"No screenshot at {welcome.ScreenshotPath}.");
    }
}
