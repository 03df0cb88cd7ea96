namespace GuidanceBot.BotFramework.Tests.Storage;

/// <summary>Lets the first Delete with a condition reach the service, then loses its answer (the client sees an I/O error and retries).</summary>
internal sealed class LoseFirstConditionalDeleteAnswer : Azure.Core.Pipeline.HttpPipelinePolicy
{
    private int _lost;

    public bool Lost => Volatile.Read(ref _lost) == 1;

    public override void Process(Azure.Core.HttpMessage message, ReadOnlyMemory<Azure.Core.Pipeline.HttpPipelinePolicy> pipeline)
    {
        ProcessNext(message, pipeline);
        LoseIfFirst(message);
    }

    public override async ValueTask ProcessAsync(Azure.Core.HttpMessage message, ReadOnlyMemory<Azure.Core.Pipeline.HttpPipelinePolicy> pipeline)
    {
        await ProcessNextAsync(message, pipeline);
        LoseIfFirst(message);
    }

    private void LoseIfFirst(Azure.Core.HttpMessage message)
    {
        var request = message.Request;
        if (request.Method == Azure.Core.RequestMethod.Delete && request.Headers.Contains("If-Match") && Interlocked.Exchange(ref _lost, 1) == 0)
        {
            throw new IOException("The answer to the first conditional Delete was lost.");
        }
    }
}
