namespace ChatOps.Core.Decisions;

/// <summary><c>Audit:*</c>: the key that signs checkpoints of each incident's decision log, and how often they are written.</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>
    /// HMAC-SHA256 key for chain-head checkpoints: at least 32 bytes (UTF-8), kept in Key Vault, never in storage.
    /// Required outside Development; in Development without it no checkpoint is written and <c>verify</c> says so.
    /// </summary>
    public string? Key { get; set; }

    /// <summary>
    /// How often the host writes the checkpoints of changed incidents (the newest head of each, at most one write per
    /// incident per interval); a close is written at once. More than zero, at most 5 minutes.
    /// </summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromSeconds(2);
}
