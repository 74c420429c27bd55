using ChatOps.Slack.Wire;

namespace ChatOps.Slack.Tests.Inbound;

/// <summary>The source-generated reading of the wire types keeps what reflection kept: defaults of missing fields, unknown fields, snake_case.</summary>
public sealed class SlackWireJsonTests
{
    [Fact]
    public void EventEnvelope_MissingFields_KeepTheirDefaults()
    {
        var envelope = EventEnvelope.Parse("""{"event":{"text":"hi"}}""");

        Assert.Equal(string.Empty, envelope.Type);
        Assert.Empty(envelope.Authorizations);
        Assert.Empty(envelope.AuthedUsers);
        Assert.Equal(string.Empty, envelope.Event!.Type);
    }

    [Fact]
    public void EventEnvelope_UnknownFieldsAndSnakeCase_Kept()
    {
        var envelope = EventEnvelope.Parse("""{"type":"event_callback","team_id":"T1","event_time":"1700000000","context_team_id":"T2","event":{"type":"message","thread_ts":"1.2","blocks":[]}}""");

        Assert.Equal("T1", envelope.TeamId);
        Assert.Equal(1700000000, envelope.EventTime);
        Assert.Equal("T2", envelope.Extra!["context_team_id"].GetString());
        Assert.Equal("1.2", envelope.Event!.ThreadTs);
        Assert.True(envelope.Event.Extra!.ContainsKey("blocks"));
    }
}
