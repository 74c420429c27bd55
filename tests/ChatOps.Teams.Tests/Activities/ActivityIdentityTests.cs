using System.Text.Json;
using ChatOps.Core.Identity;
using ChatOps.Teams.Activities;
using ChatOps.Teams.Schema;
using ChatOps.Teams.Tests.Support;

namespace ChatOps.Teams.Tests.Activities;

public sealed class ActivityIdentityTests
{
    [Fact]
    public void Read_ChannelThreadReply_KeyWithoutMessageIdSuffix()
    {
        var activity = Load("teams-message-channel-mention.json");

        var (actor, conversation) = ActivityIdentity.Read(activity)!.Value;

        Assert.Equal("19:6848757105754c8981c67612732d9aa7@thread.tacv2", conversation.ConversationId);
        Assert.Equal(ChannelKind.Teams, conversation.Channel);
        Assert.Equal("50612dbb-0237-4969-b378-8d42590f9c00", conversation.TenantId);
        Assert.Equal("29:17bUvCasIPKfQIXHvNzcPjD86fwm6GkWc1PvCGP2-NSkNb7AyGYpjQ7Xw-XgTwaHW5JxZ4KMNDxn1kcL8fwX1Nw", actor.UserId);
        Assert.Equal("b15a9416-0ad3-4172-9210-7beb711d3f70", actor.AadObjectId);
        Assert.Equal("rido", actor.DisplayName);
    }

    [Fact]
    public void Read_NoConversationTenant_UsesChannelDataTenant()
    {
        var activity = Load("teams-message-messageBack-from-card.json");

        var (actor, _) = ActivityIdentity.Read(activity)!.Value;

        Assert.Equal("bec8e231-67ad-484e-87f4-3e5438390a77", actor.TenantId);
    }

    [Fact]
    public void Read_NoTenantAnywhere_Null()
    {
        var activity = Load("teams-message-messageBack-from-card.json");
        activity.ChannelData = null;

        Assert.Null(ActivityIdentity.Read(activity));
    }

    private static Activity Load(string name) => JsonSerializer.Deserialize(TestData.Text(name), TeamsJsonContext.Default.Activity)!;
}
