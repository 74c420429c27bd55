using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace ChatOps.Core.Decisions;

/// <summary>Computes and verifies the SHA-256 chain over an incident's decision records.</summary>
public static class HashChain
{
    /// <summary>The "previous hash" of the first record.</summary>
    public static readonly string GenesisHash = new('0', 64);

    public static string Compute(string previousHash, long sequence, string kind, Identity.Actor actor, DateTimeOffset at, string payload, string? reason)
    {
        ArgumentNullException.ThrowIfNull(previousHash);
        ArgumentNullException.ThrowIfNull(actor);
        var body = new JsonObject
        {
            ["sequence"] = sequence,
            ["kind"] = kind,
            ["actor"] = new JsonObject
            {
                ["channel"] = actor.Channel.ToString(),
                ["tenantId"] = actor.TenantId,
                ["userId"] = actor.UserId,
                ["displayName"] = actor.DisplayName,
                ["aadObjectId"] = actor.AadObjectId,
            },
            ["at"] = at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
            ["payload"] = JsonNode.Parse(payload),
            ["reason"] = reason,
        };
        var canonical = CanonicalJson.ToUtf8Bytes(body);
        var input = new byte[Encoding.ASCII.GetByteCount(previousHash) + canonical.Length];
        var prefix = Encoding.ASCII.GetBytes(previousHash, 0, previousHash.Length, input, 0);
        canonical.CopyTo(input, prefix);
        return Convert.ToHexStringLower(SHA256.HashData(input));
    }

    public static string Compute(DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Compute(record.PreviousHash, record.Sequence, record.Kind, record.Actor, record.At, record.Payload, record.Reason);
    }

    /// <summary>
    /// Checks that records are numbered 1..N without gaps, each links to the previous hash and each hash
    /// matches its content. Returns the first record that does not, or an intact result.
    /// </summary>
    public static ChainVerification Verify(IReadOnlyList<DecisionRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var previous = GenesisHash;
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            var expectedSequence = i + 1;
            if (record.Sequence != expectedSequence)
            {
                return ChainVerification.Broken(records.Count, expectedSequence,
                    $"record {expectedSequence} is missing or out of order (found sequence {record.Sequence})");
            }

            if (!string.Equals(record.PreviousHash, previous, StringComparison.Ordinal))
            {
                return ChainVerification.Broken(records.Count, record.Sequence,
                    $"record {record.Sequence} does not link to the hash of record {record.Sequence - 1}");
            }

            string actual;
            try
            {
                actual = Compute(record);
            }
            catch (System.Text.Json.JsonException)
            {
                return ChainVerification.Broken(records.Count, record.Sequence, $"record {record.Sequence} has a payload that is not JSON");
            }

            if (!string.Equals(actual, record.Hash, StringComparison.Ordinal))
            {
                return ChainVerification.Broken(records.Count, record.Sequence,
                    $"record {record.Sequence} was changed after it was written (its hash does not match its content)");
            }

            previous = record.Hash;
        }

        return ChainVerification.Intact(records.Count, previous);
    }
}
