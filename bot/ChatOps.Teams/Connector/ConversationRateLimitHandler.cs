namespace ChatOps.Teams.Connector;

/// <summary>
/// Takes a permit from <see cref="ConversationRateLimiter"/> for each attempt of a request tagged with
/// <see cref="ConversationOption"/> and/or <see cref="TenantOption"/> (inside the retry handler, so retries count too).
/// </summary>
internal sealed class ConversationRateLimitHandler(ConversationRateLimiter limiter) : DelegatingHandler
{
    public static readonly HttpRequestOptionsKey<string> ConversationOption = new("ChatOps.Teams.Conversation");

    public static readonly HttpRequestOptionsKey<string> TenantOption = new("ChatOps.Teams.Tenant");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var hasConversation = request.Options.TryGetValue(ConversationOption, out var conversation);
        if (!hasConversation && !request.Options.TryGetValue(TenantOption, out _))
            return await base.SendAsync(request, cancellationToken);

        // Calls whose tenant is unknown share one budget: conservative when a bot serves several tenants.
        var tenant = request.Options.TryGetValue(TenantOption, out var t) ? t : string.Empty;
        using var lease = hasConversation
            ? await limiter.AcquireAsync(tenant, conversation!, cancellationToken)
            : await limiter.AcquireTenantAsync(tenant, cancellationToken);
        return await base.SendAsync(request, cancellationToken);
    }
}
