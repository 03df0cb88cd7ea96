using System.Text.Json.Serialization;
using GuidanceBot.BotFramework.Dialogs;
using GuidanceBot.BotFramework.State;

namespace GuidanceBot.Testing;

/// <summary>The conversation state document <see cref="DialogTestClient"/> stores: just the dialog stack.</summary>
public sealed class TestConversation : IBotStateDocument
{
    public static int CurrentSchemaVersion => 1;

    public int SchemaVersion { get; set; }

    public DialogState Dialogs { get; set; } = new();

    public bool IsEmpty() => Dialogs.DialogStack.Count == 0;
}

/// <summary>Source-generated JSON for <see cref="TestConversation"/>.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TestConversation))]
public sealed partial class TestJsonContext : JsonSerializerContext;
