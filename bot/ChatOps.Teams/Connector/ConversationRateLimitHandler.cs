namespace ChatOps.Teams.Connector;

/// <summary>
/// Takes a permit from <see cref="ConversationRateLimiter"/> for each attempt of a request tagged with
/// <see cref="ConversationOption"/> (inside the retry handler, so retries count too).
/// </summary>
internal sealed class ConversationRateLimitHandler(ConversationRateLimiter limiter) : DelegatingHandler
{
    public static readonly HttpRequestOptionsKey<string> ConversationOption = new("ChatOps.Teams.Conversation");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Options.TryGetValue(ConversationOption, out var conversation))
            return await base.SendAsync(request, cancellationToken);
        using var lease = await limiter.AcquireAsync(conversation, cancellationToken);
        return await base.SendAsync(request, cancellationToken);
    }
}
