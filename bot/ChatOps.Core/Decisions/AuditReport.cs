namespace ChatOps.Core.Decisions;

/// <summary>
/// The answer of <c>verify</c>: the chain, the keyed checkpoint and the snapshot-versus-replay comparison.
/// <see cref="Problems"/> name the record and field that disagree; <see cref="Caveat"/> says what could not be
/// checked (no <c>Audit:Key</c> in Development) instead of pretending it was.
/// </summary>
public sealed record AuditReport(int RecordCount, string? LastHash, IReadOnlyList<string> Problems, string? Caveat)
{
    public bool IsIntact => Problems.Count == 0;
}
