using ChatOps.Core.Ci;

namespace ChatOps.Core.Tests.Ci;

/// <summary>Answers every read with the lookup a test gives it and remembers the links asked for.</summary>
internal sealed class ScriptedCiRunReader : ICiRunReader
{
    public CiRunLookup Next { get; set; } = CiRunLookup.Failed("not scripted");

    public List<string> Asked { get; } = [];

    public Task<CiRunLookup> ReadAsync(string url, CancellationToken cancellationToken)
    {
        Asked.Add(url);
        return Task.FromResult(Next);
    }
}
