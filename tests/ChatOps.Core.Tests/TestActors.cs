using ChatOps.Core.Conversations;
using ChatOps.Core.Identity;

namespace ChatOps.Core.Tests;

internal static class TestActors
{
    public const string Tenant = "tenant-1";

    public static readonly Actor Alice = new(ChannelKind.Teams, Tenant, "29:alice", "Alice");
    public static readonly Actor Bob = new(ChannelKind.Teams, Tenant, "29:bob", "Bob");
    public static readonly ConversationKey Channel = new(ChannelKind.Teams, Tenant, "19:incident@thread.tacv2");
}
