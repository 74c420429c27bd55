namespace ChatOps.Teams.Graph;

/// <summary>An app-only Microsoft Graph token for a tenant; null when no app id is configured (dev console).</summary>
public interface IGraphTokenProvider
{
    Task<string?> GetTokenAsync(string tenantId, CancellationToken cancellationToken = default);
}
