using System.Globalization;
using System.Text;
using ChatOps.Core.Commands;
using ChatOps.Core.Views;

namespace ChatOps.Core.Workflow;

/// <summary><c>status</c> in a conversation whose incident is closed: that incident and its open action items.</summary>
public static class ClosedIncidentStatus
{
    public static async Task<CommandResult> ReplyAsync(CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await ReadableIncident.FindAsync(context) is not { Incident: { IsClosed: true } incident })
        {
            return CommandContext.Error(CommandContext.NoIncident);
        }

        var today = DateOnly.FromDateTime(context.Now.UtcDateTime);
        var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture,
            $"{incident.Id} \"{incident.Title}\" is closed (since {incident.ClosedAt:yyyy-MM-dd HH:mm} UTC); its record is read-only. export md gives the report."));
        if (incident.ActionItems.Count == 0)
        {
            text.Append("\nNo action items were recorded in the review.");
        }
        else
        {
            // Closed incidents cannot change, so items are followed up outside ChatOps; all stay listed as open here.
            text.Append(CultureInfo.InvariantCulture, $"\nOpen action items ({incident.ActionItems.Count}):");
            foreach (var item in incident.ActionItems)
            {
                var overdue = item.Due < today ? " — OVERDUE" : "";
                text.Append(CultureInfo.InvariantCulture, $"\n{item.Id} {item.Text} — owner {item.Owner.DisplayName}, due {item.Due:yyyy-MM-dd}{overdue}");
            }
        }

        text.Append("\nDeclare a new incident here with: declare \"TITLE\"");
        return CommandContext.Say(text.ToString());
    }
}
