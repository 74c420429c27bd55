using Azure.Core;
using Azure.Core.Pipeline;

namespace ChatOps.Storage.Tests;

/// <summary>
/// Lets the first insert or transaction (POST) reach storage, then loses its answer as a network timeout would; the SDK's own retry
/// policy then sends it again.
/// </summary>
internal sealed class LoseFirstAnswerPolicy : HttpPipelinePolicy
{
    private int _lost;

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        throw new NotSupportedException("The stores are async.");

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        await ProcessNextAsync(message, pipeline);
        // Table creation (POST …/Tables) is left alone: it is not the write under test.
        if (message.Request.Method == RequestMethod.Post && !message.Request.Uri.Path.EndsWith("/Tables", StringComparison.Ordinal)
            && Interlocked.Exchange(ref _lost, 1) == 0)
        {
            throw new IOException("The answer was lost on the way back (simulated).");
        }
    }
}
