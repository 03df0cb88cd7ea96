using System.Text.Json;
using System.Text.Json.Nodes;
using GuidanceBot.Cards.Model;
using GuidanceBot.Testing;

namespace GuidanceBot.Cards.Tests;

public sealed class CardSerializerTests
{
    [Fact]
    public void Serialize_MinimalCard_WritesOnlyWhatWasSet()
    {
        var card = new AdaptiveCard { Body = [new TextBlock { Text = "Hallo" }] };

        var json = JsonNode.Parse(CardSerializer.Serialize(card));

        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"Hallo"}]}"""),
            json), json!.ToJsonString());
    }

    [Fact]
    public void Serialize_EveryElementAndAction_ValidatesAgainstSchema() => CardAssert.IsValid(CardWithEveryElementAndAction());

    [Fact]
    public void EveryConcreteElementAndAction_IsWrittenByTheContext()
    {
        // The converter looks each element's own type up in CardJsonContext: a type added without its
        // [JsonSerializable] there would fail only when a card with it is sent.
        var concrete = typeof(CardElement).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && (t.IsSubclassOf(typeof(CardElement)) || t.IsSubclassOf(typeof(CardAction))))
            .ToList();

        Assert.NotEmpty(concrete);
        Assert.All(concrete, t => Assert.NotNull(CardJsonContext.Default.GetTypeInfo(t)));
    }

    [Fact]
    public void Serialize_NestedElements_WriteTheirTypeFirst()
    {
        var card = new AdaptiveCard
        {
            Body = [new Container { Items = [new ActionSet { Actions = [new ActionOpenUrl { Title = "Bron", Url = new Uri("https://example.org/") }] }] }],
        };

        var json = CardSerializer.Serialize(card);

        Assert.Equal(
            """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Container","items":[{"type":"ActionSet","actions":[{"type":"Action.OpenUrl","url":"https://example.org/","title":"Bron"}]}]}]}""",
            json);
    }

    [Fact]
    public void Serialize_EveryElementAndAction_WritesWhatItsOwnTypeInfoWrites()
    {
        // The converter hands each element to a writer cached per concrete type: one bound to the wrong type, or to a
        // handler that differs from the serializer's own path, would change the bytes of that element.
        var card = CardWithEveryElementAndAction();

        var json = JsonNode.Parse(CardSerializer.Serialize(card))!;

        AssertEachWrittenByItsOwnTypeInfo(card.Body, json["body"]!.AsArray());
        AssertEachWrittenByItsOwnTypeInfo(card.Actions!, json["actions"]!.AsArray());
    }

    [Fact]
    public void IsShareable_CardWithSubmit_Fails()
    {
        var card = new AdaptiveCard { Actions = [new ActionSubmit { Title = "x" }] };

        Assert.ThrowsAny<Exception>(() => CardAssert.IsShareable(card));
    }

    /// <summary>A card with every element and action type once, and text that must be escaped.</summary>
    private static AdaptiveCard CardWithEveryElementAndAction() => new()
    {
        Body =
        [
            Blocks.Heading("Kop"),
            new RichTextBlock { Inlines = [new TextRun { Text = "gemarkeerd \"Eén\"\n<b>", Highlight = true, Weight = "Bolder" }] },
            new Container { Style = "emphasis", Items = [Blocks.Paragraph("tekst")] },
            new ColumnSet { Columns = [new Column { Width = "auto", Items = [Blocks.Note("a")] }] },
            new FactSet { Facts = [new Fact("Telefoon", "0800-2000")] },
            new InputToggle { Id = "t", Title = "Signaal", ValueOn = "true", ValueOff = "false" },
            new InputChoiceSet { Id = "c", Style = "expanded", Choices = [new Choice("Ja", "ja")] },
            new InputText { Id = "x", Label = "Toelichting", MaxLength = 200 },
            new ActionSet { Actions = [new ActionOpenUrl { Title = "Bron", Url = new Uri("https://example.org/") }] },
        ],
        Actions =
        [
            new ActionSubmit { Title = "Verder", Data = new JsonObject { ["verb"] = "next" } },
            new ActionShowCard { Title = "Meer", Card = new AdaptiveCard { Body = [Blocks.Paragraph("meer")] } },
        ],
    };

    private static void AssertEachWrittenByItsOwnTypeInfo<T>(IReadOnlyList<T> items, JsonArray written)
        where T : class
    {
        Assert.Equal(items.Count, written.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var own = JsonSerializer.Serialize(items[i], CardJsonContext.Default.GetTypeInfo(items[i].GetType())!);
            Assert.Equal(own, written[i]!.ToJsonString());
        }
    }
}
