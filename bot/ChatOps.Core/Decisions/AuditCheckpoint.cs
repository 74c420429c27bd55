namespace ChatOps.Core.Decisions;

/// <summary>
/// A keyed statement that the decision log of one incident reached <see cref="Sequence"/> with head
/// <see cref="Hash"/> (and whether that change closed it). <see cref="Mac"/> is HMAC-SHA256 with <c>Audit:Key</c>,
/// so someone who can write storage but does not hold the key can neither forge nor move a checkpoint.
/// </summary>
public sealed record AuditCheckpoint(string TenantId, string IncidentId, long Sequence, string Hash, bool Closed, string Mac);
