namespace ChatOps.Core.Decisions;

/// <summary>The result of verifying a decision log's hash chain.</summary>
public sealed record ChainVerification(bool IsIntact, int RecordCount, string? LastHash, long? FirstBadSequence, string? Problem)
{
    public static ChainVerification Intact(int count, string lastHash) => new(true, count, lastHash, null, null);

    public static ChainVerification Broken(int count, long sequence, string problem) => new(false, count, null, sequence, problem);
}
