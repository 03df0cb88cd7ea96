using GuidanceBot.BotFramework.Adapter;
using GuidanceBot.BotFramework.Schema;
using GuidanceBot.Testing;

namespace GuidanceBot.BotFramework.Tests.Adapter;

public sealed class TurnContextTests
{
    [Fact]
    public async Task SendActivityAsync_ExpectReplies_BuffersInsteadOfCallingConnector()
    {
        var connector = new RecordingConnector();
        var context = new TurnContext(Inbound(DeliveryModes.ExpectReplies), connector);

        await context.SendActivityAsync("een", CancellationToken.None);
        await context.SendActivityAsync(new Activity { Type = ActivityTypes.Typing }, CancellationToken.None);
        await context.SendActivityAsync("twee", CancellationToken.None);

        Assert.Empty(connector.Sent);
        Assert.Equal(["een", "twee"], context.BufferedReplies.Select(a => a.Text));
        Assert.True(context.Responded);
    }

    [Fact]
    public async Task SendActivityAsync_Normal_FillsAddressingFromInbound()
    {
        var connector = new RecordingConnector();
        var context = new TurnContext(Inbound(null), connector);

        await context.SendActivityAsync("hoi", CancellationToken.None);

        var sent = Assert.Single(connector.Sent);
        Assert.Equal("in-1", sent.ReplyToId);
        Assert.Equal("28:bot", sent.From!.Id);
        Assert.Equal("29:user", sent.Recipient!.Id);
        Assert.Equal("conv", sent.Conversation!.Id);
        Assert.Equal("http://localhost:1/", sent.ServiceUrl);
    }

    private static Activity Inbound(string? deliveryMode) => new()
    {
        Type = ActivityTypes.Message,
        Id = "in-1",
        DeliveryMode = deliveryMode,
        From = new ChannelAccount { Id = "29:user" },
        Recipient = new ChannelAccount { Id = "28:bot" },
        Conversation = new ConversationAccount { Id = "conv" },
        ServiceUrl = "http://localhost:1/",
    };
}
