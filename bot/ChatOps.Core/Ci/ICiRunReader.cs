namespace ChatOps.Core.Ci;

/// <summary>
/// Reads a CI run (a GitHub Actions workflow run, an Azure Pipelines build) from its provider's API by the run's web
/// link. The host implements it over HTTP; Core only sees the facts, so a test result can come from the run instead of
/// being typed.
/// </summary>
public interface ICiRunReader
{
    /// <summary>The run behind <paramref name="url"/>, or why it cannot be read. Never throws for a refused link or an API failure.</summary>
    Task<CiRunLookup> ReadAsync(string url, CancellationToken cancellationToken);
}
