namespace ChatOps.Core.Decisions;

/// <summary><c>Audit:*</c>: the key that signs checkpoints of each incident's decision log.</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>
    /// HMAC-SHA256 key for chain-head checkpoints: at least 32 bytes (UTF-8), kept in Key Vault, never in storage.
    /// Required outside Development; in Development without it no checkpoint is written and <c>verify</c> says so.
    /// </summary>
    public string? Key { get; set; }
}
