using ChatOps.Core.Conversations;
using ChatOps.Core.Decisions;
using ChatOps.Core.Incidents;
using ChatOps.Core.Workflow;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Bot.Tests.Dialogs;

/// <summary>Reads what a running host stored for a conversation: its incident, decision records and open dialog.</summary>
internal static class StoredIncident
{
    public static async Task<string> IdAsync(IServiceProvider services, ConversationKey conversation) =>
        (await services.GetRequiredService<WorkflowServices>().Directory.FindAsync(conversation))
        ?? throw new InvalidOperationException($"No incident is bound to {conversation}.");

    public static async Task<(Incident Incident, IReadOnlyList<DecisionRecord> Records)> LoadAsync(IServiceProvider services, ConversationKey conversation)
    {
        var workflow = services.GetRequiredService<WorkflowServices>();
        var id = await IdAsync(services, conversation);
        return ((await workflow.Store.GetAsync(conversation.TenantId, id))!.Incident, await workflow.Store.GetDecisionsAsync(conversation.TenantId, id));
    }

    public static async Task<bool> HasDialogAsync(IServiceProvider services, ConversationKey conversation) =>
        await services.GetRequiredService<WorkflowServices>().Dialogs.GetAsync(conversation) is not null;
}
