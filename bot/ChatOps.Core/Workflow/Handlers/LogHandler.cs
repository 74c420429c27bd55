using System.Globalization;
using ChatOps.Core.Commands;
using ChatOps.Core.Commands.Grammar;
using ChatOps.Core.Decisions;
using ChatOps.Core.Views;

namespace ChatOps.Core.Workflow.Handlers;

/// <summary><c>log</c>: the decision log, newest first, a page at a time (card buttons send <see cref="CardVerbs.LogPage"/>).</summary>
public sealed class LogHandler : ICommandHandler
{
    public const int PageSize = 10;

    public IReadOnlyCollection<string> Commands { get; } = CommandCatalog.Names("log");

    public Task<CommandResult> HandleAsync(CommandContext context, ParsedCommand command) => ShowAsync(context, null, 1, ReplyMode.Post);

    /// <summary>A next/previous button: data carries incidentId and the 1-based page.</summary>
    public static Task<CommandResult> PageAsync(CommandContext context, CardAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var incidentId = action.Get(CardDataKeys.IncidentId);
        if (incidentId is null || !int.TryParse(action.Get(CardDataKeys.Page), NumberStyles.None, CultureInfo.InvariantCulture, out var page) || page < 1)
        {
            return Task.FromResult(CommandContext.Error("This log button carries no incident or page."));
        }

        return ShowAsync(context, incidentId, page, ReplyMode.UpdateCard);
    }

    private static async Task<CommandResult> ShowAsync(CommandContext context, string? incidentId, int page, ReplyMode mode)
    {
        ArgumentNullException.ThrowIfNull(context);
        var snapshot = await ReadableIncident.FindAsync(context, incidentId);
        if (snapshot is null)
        {
            return CommandContext.Error(incidentId is null ? ReadableIncident.NoneHere : "This log belongs to an incident that is not this conversation's.");
        }

        var incident = snapshot.Incident;
        var records = await context.Services.Store.GetDecisionsAsync(context.Actor.TenantId, incident.Id, context.CancellationToken);
        return CommandResult.Of(new Reply(Page(incident, records, page), mode));
    }

    /// <summary>One page of the log, newest first; a page past the end shows the last page.</summary>
    public static DecisionLogPageView Page(Incidents.Incident incident, IReadOnlyList<DecisionRecord> records, int page)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(records);
        var incidentId = incident.Id;
        var pageCount = Math.Max(1, (records.Count + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var entries = records.Reverse().Skip((page - 1) * PageSize).Take(PageSize)
            .Select(r => new DecisionLogLine(r.At, r.Actor.DisplayName, r.Kind, RecordText.What(r, incident), r.Reason))
            .ToList();
        return new DecisionLogPageView(incidentId, incidentId, page, pageCount, entries);
    }
}
