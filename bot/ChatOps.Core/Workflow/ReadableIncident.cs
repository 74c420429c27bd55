using ChatOps.Core.Storage;

namespace ChatOps.Core.Workflow;

/// <summary>
/// Finds the incident a read-only command (<c>log</c>, <c>verify</c>, <c>export</c>, <c>status</c> after close)
/// is about: the conversation's active incident or, once it is closed, the last one it had.
/// </summary>
public static class ReadableIncident
{
    public const string NoneHere = "This conversation has no incident yet. Start one with: declare \"TITLE\"";

    public static async Task<IncidentSnapshot?> FindAsync(CommandContext context, string? incidentId = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var last = await context.Services.Directory.FindLastAsync(context.Conversation, context.CancellationToken);
        // A card may name an incident; it must be this conversation's (active or last), never another one.
        if (last is null || (incidentId is not null && !string.Equals(incidentId, last, StringComparison.Ordinal)))
        {
            return null;
        }

        return await context.Services.Store.GetAsync(context.Actor.TenantId, last, context.CancellationToken);
    }

    /// <summary>Why a changing command found nothing to change: no incident at all, or the last one is closed.</summary>
    public static async Task<string> NoActiveIncidentAsync(CommandContext context) =>
        await FindAsync(context) is { Incident: { IsClosed: true } closed }
            ? $"There is no active incident in this conversation: {closed.Id} is closed and its record is read-only. Declare a new one with: declare \"TITLE\""
            : CommandContext.NoIncident;
}
