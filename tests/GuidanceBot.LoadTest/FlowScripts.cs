namespace GuidanceBot.LoadTest;

/// <summary>
/// The guided-flow scenario. Until the flows land this drives the command words the flows start with;
/// TODO(#5): replace with a full flow script once the flow card payloads are merged.
/// </summary>
internal static class FlowScripts
{
    private static readonly string[] Steps = ["melden", "stop", "signaleren", "stop", "risico", "stop"];

    public static Turn Turn => async (client, conversation, iteration, cancellationToken) =>
    {
        using var response = await Scenarios.PostAsync(client, Scenarios.Message(conversation, Steps[iteration % Steps.Length]), cancellationToken);
        return response.IsSuccessStatusCode;
    };
}
