using GuidanceBot.BotFramework.Schema;

namespace GuidanceBot.BotFramework.Tests.Schema;

public sealed class ActivityExtensionsTests
{
    [Theory]
    [InlineData("<at>GuidanceBot</at> wat is CoMensha?", "<at>GuidanceBot</at>", "wat is CoMensha?")]
    [InlineData("wat is CoMensha? <at>GuidanceBot</at>", "<at>GuidanceBot</at>", "wat is CoMensha?")]
    [InlineData("<at>Guidance Bot</at>&nbsp;melden", "<at>Guidance Bot</at>", "melden")]
    [InlineData("<at id=\"0\">GuidanceBot</at> help", "<at>GuidanceBot</at>", "help")]
    public void RemoveMentions_MentionOfBot_IsStripped(string text, string mentionText, string expected)
    {
        var activity = WithMention(text, mentionText, mentionedId: "28:bot");

        var result = activity.RemoveMentions();

        Assert.Equal(expected, result);
        Assert.Equal(expected, activity.Text);
    }

    [Fact]
    public void RemoveMentions_MentionOfColleague_IsStrippedToo()
    {
        var activity = WithMention("<at>Sanne</at> kijk hier eens naar", "<at>Sanne</at>", mentionedId: "29:sanne");

        activity.RemoveMentions();

        Assert.Equal("kijk hier eens naar", activity.Text);
        Assert.False(activity.MentionsRecipient());
    }

    [Fact]
    public void RemoveMentions_TagThatNoEntityNames_IsKept()
    {
        var activity = WithMention("<at>GuidanceBot</at> wat betekent <at>Sanne</at>?", "<at>GuidanceBot</at>", mentionedId: "28:bot");

        activity.RemoveMentions();

        Assert.Equal("wat betekent <at>Sanne</at>?", activity.Text);
    }

    [Fact]
    public void MentionsRecipient_BotMentioned_IsTrue()
    {
        var activity = WithMention("<at>GuidanceBot</at> help", "<at>GuidanceBot</at>", mentionedId: "28:bot");

        Assert.True(activity.MentionsRecipient());
    }

    [Fact]
    public void CreateReply_SwapsIdentitiesAndKeepsConversation()
    {
        var inbound = new Activity
        {
            Id = "in-1",
            From = new ChannelAccount { Id = "29:user" },
            Recipient = new ChannelAccount { Id = "28:bot" },
            Conversation = new ConversationAccount { Id = "conv" },
            ServiceUrl = "https://smba.example/",
            ChannelId = "msteams",
            Locale = "nl-NL",
        };

        var reply = inbound.CreateReply("hoi");

        Assert.Equal("28:bot", reply.From!.Id);
        Assert.Equal("29:user", reply.Recipient!.Id);
        Assert.Equal("conv", reply.Conversation!.Id);
        Assert.Equal("in-1", reply.ReplyToId);
        Assert.Equal("nl-NL", reply.Locale);
        Assert.Null(reply.Id);
    }

    private static Activity WithMention(string text, string mentionText, string mentionedId) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        Recipient = new ChannelAccount { Id = "28:bot" },
        Entities = [new Entity { Type = "mention", Text = mentionText, Mentioned = new ChannelAccount { Id = mentionedId } }],
    };
}
