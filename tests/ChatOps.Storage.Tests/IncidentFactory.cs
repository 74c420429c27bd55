using ChatOps.Core.Conversations;
using ChatOps.Core.Decisions.Events;
using ChatOps.Core.Identity;
using ChatOps.Core.Incidents;
using ChatOps.Core.Workflow;

namespace ChatOps.Storage.Tests;

internal static class IncidentFactory
{
    public static readonly Actor Alice = new(ChannelKind.Teams, "tenant-a", "29:alice", "Alice", "aad-alice");

    public static ConversationKey Channel(string tenant = "tenant-a") => new(ChannelKind.Teams, tenant, "19:abc@thread.tacv2");

    public static Task<IncidentOutcome> DeclareAsync(IncidentRunner runner, string id, Actor? actor = null, string title = "Exchange breach")
    {
        actor ??= Alice;
        return runner.CreateAsync(id, actor, new IncidentDeclared(title, Severity.Sev1, Channel(actor.TenantId), ["mail01"], ["CVE-2021-26855"]), [], []);
    }
}
