using System.Text.Json;
using System.Text.Json.Nodes;
using GuidanceBot.BotFramework.Dialogs;
using GuidanceBot.BotFramework.Dialogs.Prompts;
using GuidanceBot.BotFramework.Schema;
using GuidanceBot.BotFramework.Storage;
using GuidanceBot.Testing;

namespace GuidanceBot.BotFramework.Tests.Dialogs;

public sealed class PromptCatalogTests
{
    private const string CardId = "keyed-card";

    [Fact]
    public async Task WaitingPrompt_StoresTheKeyNotTheCard()
    {
        var storage = new MemoryStorage(TimeProvider.System);
        var client = new DialogTestClient(new KeyedFlow(Catalog("test.question")), storage);

        var first = await client.SendAsync("start");

        Assert.Equal(CardId, first.CardId());
        var stored = await StoredJsonAsync(storage);
        Assert.Contains("\"optionsKey\":\"test.question\"", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("AdaptiveCard", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reask_AfterTheStateWasStored_ShowsTheCatalogCardWithTheSameNonce()
    {
        var client = new DialogTestClient(new KeyedFlow(Catalog("test.question")));
        var first = await client.SendAsync("start");
        var nonce = (string?)first.AdaptiveCard()!.SubmitValue("Verder")[PromptSubmit.NonceKey];

        var replies = await client.SendActivityAsync(client.NewActivity("geen antwoord", null));

        Assert.Equal(CardId, replies[^1].CardId());
        Assert.Equal(nonce, (string?)replies[^1].AdaptiveCard()!.SubmitValue("Verder")[PromptSubmit.NonceKey]);
    }

    [Fact]
    public async Task Answer_AfterTheStateWasStored_IsRecognizedWithTheCatalogOptions()
    {
        var client = new DialogTestClient(new KeyedFlow(Catalog("test.question")));
        var first = await client.SendAsync("start");

        var replies = await client.SubmitAsync(first.AdaptiveCard()!.SubmitValue("Verder"));

        Assert.Equal("klaar", Assert.Single(replies).Text);
    }

    [Fact]
    public async Task StoredKey_ThatTheCatalogNoLongerHas_DiscardsTheState()
    {
        var storage = new MemoryStorage(TimeProvider.System);
        var before = new DialogTestClient(new KeyedFlow(Catalog("test.question")), storage);
        var first = await before.SendAsync("start");
        var after = new DialogTestClient(new KeyedFlow(Catalog("test.renamed")), storage);

        await after.SubmitAsync(first.AdaptiveCard()!.SubmitValue("Verder"));

        Assert.True(after.DialogTurnResult.StateDiscarded);
    }

    [Fact]
    public async Task Asking_WithKeyedOptionsTheCatalogDoesNotHold_Throws()
    {
        var stranger = Options("test.question");
        var client = new DialogTestClient(new KeyedFlow(Catalog("test.question"), ask: stranger));

        await Assert.ThrowsAsync<ArgumentException>(() => client.SendAsync("start"));
    }

    [Fact]
    public void Catalog_OptionsWithoutKeyOrTwiceTheSameKey_AreRefused()
    {
        Assert.Throws<ArgumentException>(() => new PromptCatalog([new PromptOptions { Prompt = Card() }]));
        Assert.Throws<ArgumentException>(() => new PromptCatalog([Options("a"), Options("a")]));
    }

    private static PromptCatalog Catalog(string key) => new([Options(key)]);

    private static PromptOptions Options(string key) => new() { Key = key, Prompt = Card() };

    private static Activity Card() => new()
    {
        Type = ActivityTypes.Message,
        Attachments =
        [
            new ReadOnlyMemory<byte>(JsonSerializer.SerializeToUtf8Bytes(new JsonObject
            {
                ["type"] = "AdaptiveCard",
                ["version"] = "1.5",
                ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["id"] = CardId, ["text"] = "Vraag" }),
                ["actions"] = new JsonArray(new JsonObject { ["type"] = "Action.Submit", ["title"] = "Verder" }),
            })).ToAdaptiveCardAttachment(),
        ],
    };

    private static async Task<string> StoredJsonAsync(MemoryStorage storage)
    {
        var key = Assert.Single(storage.Keys);
        return (await storage.ReadAsync(key, CancellationToken.None))!.Value;
    }

    /// <summary>Asks one keyed card question (from the catalog, or the options given to ask), then says "klaar".</summary>
    private sealed class KeyedFlow : ComponentDialog
    {
        public KeyedFlow(PromptCatalog catalog, PromptOptions? ask = null)
            : base("keyed")
        {
            var options = ask ?? catalog.Find("test.question") ?? catalog.Find("test.renamed")!;
            AddDialog(new AdaptiveCardPrompt("form", catalog: catalog));
            AddDialog(new WaterfallDialog("keyed.steps", [
                (step, ct) => step.PromptAsync("form", options, ct),
                async (step, ct) =>
                {
                    await step.Context.SendActivityAsync(new Activity { Type = ActivityTypes.Message, Text = "klaar" }, ct);
                    return await step.EndDialogAsync(null, ct);
                },
            ]));
            InitialDialogId = "keyed.steps";
        }
    }
}
