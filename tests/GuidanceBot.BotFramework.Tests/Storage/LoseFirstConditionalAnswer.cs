using Azure.Core;

namespace GuidanceBot.BotFramework.Tests.Storage;

/// <summary>
/// Lets the first request of <paramref name="method"/> with a condition (If-Match, If-None-Match) reach the service,
/// then loses its answer: the client sees an I/O error and retries.
/// </summary>
internal sealed class LoseFirstConditionalAnswer(RequestMethod method) : Azure.Core.Pipeline.HttpPipelinePolicy
{
    private int _lost;

    public bool Lost => Volatile.Read(ref _lost) == 1;

    public override void Process(HttpMessage message, ReadOnlyMemory<Azure.Core.Pipeline.HttpPipelinePolicy> pipeline)
    {
        ProcessNext(message, pipeline);
        LoseIfFirst(message);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<Azure.Core.Pipeline.HttpPipelinePolicy> pipeline)
    {
        await ProcessNextAsync(message, pipeline);
        LoseIfFirst(message);
    }

    private void LoseIfFirst(HttpMessage message)
    {
        var request = message.Request;
        var conditional = request.Headers.Contains("If-Match") || request.Headers.Contains("If-None-Match");
        if (request.Method == method && conditional && Interlocked.Exchange(ref _lost, 1) == 0)
        {
            throw new IOException($"The answer to the first conditional {method} was lost.");
        }
    }
}
