using ChatOps.Core.Decisions;
using ChatOps.Core.Decisions.Events;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Tests.Decisions;

public class IncidentProjectorTests
{
    [Fact]
    public void Replay_DeclarationThenChanges_BuildsTheState()
    {
        var records = Build(
            new IncidentDeclared("Ransomware on file servers", Severity.Sev1, TestActors.Channel, ["fs01"], ["CVE-2024-1234"]),
            new RoleAssigned(IncidentRole.Commander, new Participant("29:bob", "Bob")),
            new PhaseChanged(Phase.Assess, Phase.Contain, []),
            new IncidentClosed(Forced: false));

        var incident = IncidentProjector.Replay("INC-2026-0001", records);

        Assert.Equal("Ransomware on file servers", incident.Title);
        Assert.Equal(Severity.Sev1, incident.Severity);
        Assert.Equal(Phase.Contain, incident.Phase);
        Assert.True(incident.IsClosed);
        Assert.Equal("Bob", incident.Holder(IncidentRole.Commander)?.DisplayName);
        Assert.Equal(4, incident.Version);
        Assert.Equal(records[^1].Hash, incident.LastHash);
        Assert.Equal(TestActors.Channel, incident.Conversation);
    }

    [Fact]
    public void Replay_WithoutDeclaration_Throws()
    {
        var records = Build(new DecisionNoted("x"));

        Assert.Throws<InvalidOperationException>(() => IncidentProjector.Replay("INC-2026-0001", records));
    }

    [Fact]
    public void Deserialize_UnknownKind_Throws()
    {
        Assert.Throws<UnknownEventKindException>(() => EventSerializer.Deserialize("no.such.kind", "{}"));
    }

    [Fact]
    public void RoleAssigned_SecondCommander_ReplacesTheFirstButApproversAccumulate()
    {
        var records = Build(
            new IncidentDeclared("t", Severity.Sev2, TestActors.Channel, [], []),
            new RoleAssigned(IncidentRole.Commander, new Participant("29:a", "A")),
            new RoleAssigned(IncidentRole.Commander, new Participant("29:b", "B")),
            new RoleAssigned(IncidentRole.Approver, new Participant("29:c", "C")),
            new RoleAssigned(IncidentRole.Approver, new Participant("29:d", "D")));

        var incident = IncidentProjector.Replay("INC-2026-0002", records);

        Assert.Single(incident.Roles, r => r.Role == IncidentRole.Commander);
        Assert.Equal("29:b", incident.Holder(IncidentRole.Commander)?.UserId);
        Assert.Equal(2, incident.Roles.Count(r => r.Role == IncidentRole.Approver));
    }

    private static List<DecisionRecord> Build(params IncidentEvent[] events)
    {
        var previous = HashChain.GenesisHash;
        var at = new DateTimeOffset(2026, 11, 28, 1, 0, 0, TimeSpan.Zero);
        var list = new List<DecisionRecord>();
        for (var i = 0; i < events.Length; i++)
        {
            var payload = EventSerializer.Serialize(events[i]);
            var hash = HashChain.Compute(previous, i + 1, events[i].Kind, TestActors.Alice, at, payload, null);
            list.Add(new DecisionRecord(i + 1, events[i].Kind, TestActors.Alice, at, payload, null, previous, hash));
            previous = hash;
        }

        return list;
    }
}
