namespace ChatOps.Teams.Connector;

/// <summary>The bearer token the bot presents to the Connector; null when no app id is configured (dev console).</summary>
public interface IBotTokenProvider
{
    Task<string?> GetTokenAsync(CancellationToken cancellationToken = default);
}
