using BenchmarkDotNet.Attributes;
using ChatOps.Core.Decisions;
using ChatOps.Core.Identity;

namespace ChatOps.Benchmarks;

/// <summary>The decision record hash chain: one record's SHA-256 over canonical JSON, and verifying 100 records.</summary>
[MemoryDiagnoser]
public class EventHashingBenchmarks
{
    private const string Payload = """{"patchId":"KB5005030","description":"Exchange CU security update","systems":["mail01","mail02"],"rollback":"Uninstall KB5005030"}""";
    private static readonly Actor Alice = new(ChannelKind.Teams, "50612dbb-0237-4969-b378-8d42590f9c00", "29:1alice", "Alice Ng", "b15a9416-0ad3-4172-9210-7beb711d3f70");
    private static readonly DateTimeOffset At = new(2026, 11, 28, 21, 30, 0, TimeSpan.Zero);
    private readonly List<DecisionRecord> _records = [];

    [GlobalSetup]
    public void Setup()
    {
        var previous = HashChain.GenesisHash;
        for (var sequence = 1; sequence <= 100; sequence++)
        {
            var record = Record(sequence, previous);
            _records.Add(record);
            previous = record.Hash;
        }
    }

    [Benchmark]
    public string HashOneRecord() => HashChain.Compute(HashChain.GenesisHash, 42, "PatchAdded", Alice, At, Payload, "staging passed");

    [Benchmark]
    public ChainVerification Verify100Records() => HashChain.Verify(_records);

    private static DecisionRecord Record(long sequence, string previous)
    {
        var at = At.AddMinutes(sequence);
        var hash = HashChain.Compute(previous, sequence, "PatchAdded", Alice, at, Payload, null);
        return new DecisionRecord(sequence, "PatchAdded", Alice, at, Payload, null, previous, hash);
    }
}
