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
        await context.FlushAsync(CancellationToken.None);

        var sent = Assert.Single(connector.Sent);
        Assert.Equal("in-1", sent.ReplyToId);
        Assert.Equal("28:bot", sent.From!.Id);
        Assert.Equal("29:user", sent.Recipient!.Id);
        Assert.Equal("conv", sent.Conversation!.Id);
        Assert.Equal("http://localhost:1/", sent.ServiceUrl);
    }

    [Fact]
    public async Task SendActivityAsync_Normal_HoldsRepliesBackUntilFlush()
    {
        var connector = new RecordingConnector();
        var context = new TurnContext(Inbound(null), connector);
        await context.SendActivityAsync("een", CancellationToken.None);
        await context.UpdateActivityAsync(new Activity { Id = "sent-0", Text = "bijgewerkt" }, CancellationToken.None);
        var beforeFlush = connector.Sent.Count;

        await context.FlushAsync(CancellationToken.None);
        await context.FlushAsync(CancellationToken.None);

        Assert.Equal(0, beforeFlush);
        Assert.Equal(["een", "bijgewerkt"], connector.Sent.Select(a => a.Text));
    }

    [Fact]
    public async Task SendActivityAsync_Typing_GoesOutAtOnce()
    {
        var connector = new RecordingConnector();
        var context = new TurnContext(Inbound(null), connector);

        await context.SendActivityAsync(new Activity { Type = ActivityTypes.Typing }, CancellationToken.None);

        Assert.Equal(ActivityTypes.Typing, Assert.Single(connector.Sent).Type);
        Assert.False(context.Responded);
    }

    [Fact]
    public async Task DiscardPending_AfterSends_NothingIsDelivered()
    {
        var connector = new RecordingConnector();
        var context = new TurnContext(Inbound(null), connector);
        await context.SendActivityAsync("een", CancellationToken.None);
        await context.FlushAsync(CancellationToken.None);
        await context.SendActivityAsync("twee", CancellationToken.None);

        context.DiscardPending();
        await context.FlushAsync(CancellationToken.None);

        Assert.Equal(["een"], connector.Sent.Select(a => a.Text));
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
