namespace ChatOps.Core.Ci;

/// <summary>The reader when the host registers none (unit tests, hosts without CI configuration): refuses every link.</summary>
public sealed class UnconfiguredCiRunReader : ICiRunReader
{
    public const string Message = "No CI hosts are configured (Ci:Hosts), so the bot cannot read a run; nothing was recorded. Record a typed result instead: test PATCH-ID pass|fail --evidence URL";

    public Task<CiRunLookup> ReadAsync(string url, CancellationToken cancellationToken) => Task.FromResult(CiRunLookup.Refuse(Message));
}
