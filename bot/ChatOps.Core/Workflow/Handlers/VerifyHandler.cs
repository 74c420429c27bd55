using ChatOps.Core.Commands;
using ChatOps.Core.Commands.Grammar;
using ChatOps.Core.Decisions;
using ChatOps.Core.Views;

namespace ChatOps.Core.Workflow.Handlers;

/// <summary><c>verify</c>: proves the decision log was not edited, deleted from or reordered.</summary>
public sealed class VerifyHandler : ICommandHandler
{
    public IReadOnlyCollection<string> Commands { get; } = ["verify"];

    public async Task<CommandResult> HandleAsync(CommandContext context, ParsedCommand command)
    {
        ArgumentNullException.ThrowIfNull(context);
        var snapshot = await ReadableIncident.FindAsync(context);
        if (snapshot is null)
        {
            return CommandContext.Error(ReadableIncident.NoneHere);
        }

        var incident = snapshot.Incident;
        var records = await context.Services.Store.GetDecisionsAsync(context.Actor.TenantId, incident.Id, context.CancellationToken);
        var result = LogAudit.Verify(incident, records);
        var text = result.IsIntact
            ? $"{incident.Id}: intact, {result.RecordCount} records, last hash {result.LastHash}"
            : $"{incident.Id}: NOT intact — first record that does not match: {result.FirstBadSequence}. {Capitalize(result.Problem!)}.";
        return CommandResult.Of(new Reply(new TextView(text)));
    }

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
