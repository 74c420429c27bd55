using ChatOps.Core.Decisions;
using ChatOps.Core.Decisions.Events;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Tests.Decisions;

public class HashChainTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 22, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Verify_UntouchedChain_IsIntactWithLastHash()
    {
        var records = Chain(3);

        var result = HashChain.Verify(records);

        Assert.True(result.IsIntact);
        Assert.Equal(3, result.RecordCount);
        Assert.Equal(records[^1].Hash, result.LastHash);
    }

    [Fact]
    public void Verify_EditedReason_NamesThatRecord()
    {
        var records = Chain(4);
        records[2] = records[2] with { Reason = "a different reason" };

        var result = HashChain.Verify(records);

        Assert.False(result.IsIntact);
        Assert.Equal(3, result.FirstBadSequence);
    }

    [Fact]
    public void Verify_DeletedRecord_NamesTheGap()
    {
        var records = Chain(4);
        records.RemoveAt(1);

        var result = HashChain.Verify(records);

        Assert.False(result.IsIntact);
        Assert.Equal(2, result.FirstBadSequence);
    }

    [Fact]
    public void Verify_SwappedRecords_IsBroken()
    {
        var records = Chain(4);
        (records[1], records[2]) = (records[2], records[1]);

        var result = HashChain.Verify(records);

        Assert.False(result.IsIntact);
        Assert.Equal(2, result.FirstBadSequence);
    }

    [Fact]
    public void Verify_RecomputedHashWithoutRelinking_IsBrokenAtTheNextRecord()
    {
        var records = Chain(3);
        var forged = records[1] with { Reason = "forged" };
        records[1] = forged with { Hash = HashChain.Compute(forged) };

        var result = HashChain.Verify(records);

        Assert.Equal(3, result.FirstBadSequence);
    }

    [Fact]
    public void Compute_PayloadWhiteSpaceAndMemberOrder_DoNotChangeTheHash()
    {
        var a = HashChain.Compute(HashChain.GenesisHash, 1, "k", TestActors.Alice, T0, """{"b":1,"a":"x"}""", null);
        var b = HashChain.Compute(HashChain.GenesisHash, 1, "k", TestActors.Alice, T0, """{ "a" : "x", "b" : 1 }""", null);

        Assert.Equal(a, b);
        Assert.Equal(64, a.Length);
    }

    [Fact]
    public void Compute_DifferentActor_ChangesTheHash()
    {
        var a = HashChain.Compute(HashChain.GenesisHash, 1, "k", TestActors.Alice, T0, "{}", null);
        var b = HashChain.Compute(HashChain.GenesisHash, 1, "k", TestActors.Bob, T0, "{}", null);

        Assert.NotEqual(a, b);
    }

    internal static List<DecisionRecord> Chain(int count)
    {
        var records = new List<DecisionRecord>();
        var previous = HashChain.GenesisHash;
        for (var i = 1; i <= count; i++)
        {
            IncidentEvent evt = i == 1
                ? new IncidentDeclared("Breach", Severity.Sev1, TestActors.Channel, [], [])
                : new DecisionNoted($"decision {i}");
            var payload = EventSerializer.Serialize(evt);
            var at = T0.AddMinutes(i);
            var hash = HashChain.Compute(previous, i, evt.Kind, TestActors.Alice, at, payload, $"because {i}");
            records.Add(new DecisionRecord(i, evt.Kind, TestActors.Alice, at, payload, $"because {i}", previous, hash));
            previous = hash;
        }

        return records;
    }
}
