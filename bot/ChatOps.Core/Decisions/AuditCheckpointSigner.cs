using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace ChatOps.Core.Decisions;

/// <summary>Signs and checks <see cref="AuditCheckpoint"/>s with <c>Audit:Key</c> (HMAC-SHA256 over canonical JSON of every field).</summary>
public sealed class AuditCheckpointSigner
{
    private readonly byte[]? _key;

    public AuditCheckpointSigner(IOptions<AuditOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _key = string.IsNullOrEmpty(options.Value.Key) ? null : Encoding.UTF8.GetBytes(options.Value.Key);
    }

    /// <summary>False when <c>Audit:Key</c> is not set (Development only): nothing is signed and nothing can be checked.</summary>
    public bool IsKeyed => _key is not null;

    public AuditCheckpoint Sign(string tenantId, string incidentId, long sequence, string hash, bool closed)
    {
        var key = _key ?? throw new InvalidOperationException("Audit:Key is not set.");
        return new AuditCheckpoint(tenantId, incidentId, sequence, hash, closed, Convert.ToHexStringLower(HMACSHA256.HashData(key, Message(tenantId, incidentId, sequence, hash, closed))));
    }

    /// <summary>True when the checkpoint's MAC is this key's MAC of its fields (compared in constant time).</summary>
    public bool Verify(AuditCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        if (_key is null || checkpoint.Mac.Length != 64 || !checkpoint.Mac.All(char.IsAsciiHexDigit))
        {
            return false;
        }

        var expected = HMACSHA256.HashData(_key, Message(checkpoint.TenantId, checkpoint.IncidentId, checkpoint.Sequence, checkpoint.Hash, checkpoint.Closed));
        return CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(checkpoint.Mac));
    }

    // Tenant and incident are inside the MAC, so a valid checkpoint of one incident proves nothing about another.
    private static byte[] Message(string tenantId, string incidentId, long sequence, string hash, bool closed) => CanonicalJson.ToUtf8Bytes(new JsonObject
    {
        ["v"] = 1,
        ["tenantId"] = tenantId,
        ["incidentId"] = incidentId,
        ["sequence"] = sequence,
        ["hash"] = hash,
        ["closed"] = closed,
    });
}
