using GuidanceBot.BotFramework.Adapter;
using GuidanceBot.BotFramework.Schema;
using GuidanceBot.Testing;

namespace GuidanceBot.BotFramework.Tests.Adapter;

public sealed class ActivityHandlerTests
{
    [Theory]
    [InlineData(ActivityTypes.Message, "message")]
    [InlineData(ActivityTypes.ConversationUpdate, "membersAdded")]
    [InlineData(ActivityTypes.InstallationUpdate, "installationUpdate")]
    [InlineData(ActivityTypes.Invoke, "invoke")]
    [InlineData("messageReaction", "unrecognized")]
    public async Task OnTurnAsync_RoutesByType(string type, string expectedRoute)
    {
        var handler = new RouteRecordingHandler();
        var activity = new Activity { Type = type, MembersAdded = [new ChannelAccount { Id = "29:u" }] };

        await handler.OnTurnAsync(new TurnContext(activity, new RecordingConnector()), CancellationToken.None);

        Assert.Equal([expectedRoute], handler.Routes);
    }

    [Fact]
    public async Task OnTurnAsync_InvokeWithoutHandler_Answers501()
    {
        var context = new TurnContext(new Activity { Type = ActivityTypes.Invoke, Name = "task/fetch" }, new RecordingConnector());

        await new EmptyHandler().OnTurnAsync(context, CancellationToken.None);

        Assert.Equal(501, context.InvokeResponse!.Status);
    }

    private sealed class EmptyHandler : ActivityHandler;

    private sealed class RouteRecordingHandler : ActivityHandler
    {
        public List<string> Routes { get; } = [];

        protected override Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
            Record("message");

        protected override Task OnMembersAddedAsync(
            IList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken) =>
            Record("membersAdded");

        protected override Task OnInstallationUpdateActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
            Record("installationUpdate");

        protected override async Task<InvokeResponse> OnInvokeActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            await Record("invoke");
            return new InvokeResponse(200);
        }

        protected override Task OnUnrecognizedActivityTypeAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
            Record("unrecognized");

        private Task Record(string route)
        {
            Routes.Add(route);
            return Task.CompletedTask;
        }
    }
}
