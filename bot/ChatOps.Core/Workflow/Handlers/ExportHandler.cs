using System.Globalization;
using ChatOps.Core.Commands;
using ChatOps.Core.Commands.Grammar;
using ChatOps.Core.Reports;
using ChatOps.Core.Views;

namespace ChatOps.Core.Workflow.Handlers;

/// <summary>
/// <c>export [md|json]</c>: answers with a signed, expiring link to the report (the bot serves it at
/// <c>GET /api/incidents/{id}/report.{md|json}</c>) and offers the report as a file to channels that can attach it. Works on the active incident and, after close, on the last one.
/// The link and the file's text come from the host's ports (<see cref="IReportLinks"/>, <see cref="IReportFormatter"/>).
/// An export of an active incident is recorded (<see cref="Decisions.Events.ReportExported"/>, the Document phase's work) before the report is built, so the report shows it.
/// </summary>
public sealed class ExportHandler(IReportLinks links, IReportFormatter formatter) : ICommandHandler
{
    public IReadOnlyCollection<string> Commands { get; } = CommandCatalog.Names("export");

    public async Task<CommandResult> HandleAsync(CommandContext context, ParsedCommand command)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(command);
        var snapshot = await ReadableIncident.FindAsync(context);
        if (snapshot is null)
        {
            return CommandContext.Error(ReadableIncident.NoneHere);
        }

        var format = command["format"] ?? "md";
        if (!snapshot.Incident.IsClosed)
        {
            Storage.IncidentSnapshot? exported = null;
            var recorded = await context.ChangeAsync(_ => Change.Record(new PendingEvent(new Decisions.Events.ReportExported(format))),
                o =>
                {
                    exported = new Storage.IncidentSnapshot(o.Incident, snapshot.ETag);
                    return CommandResult.Of();
                }, snapshot.Incident.Id);
            if (exported is null)
            {
                return recorded;
            }

            snapshot = exported;
        }

        var incident = snapshot.Incident;
        var link = links.CreateLink(context.Actor.TenantId, incident.Id, format);
        var text = string.Create(CultureInfo.InvariantCulture,
            $"Report of {incident.Id} ({(format == "md" ? "Markdown" : "JSON")}): {link.Url.AbsoluteUri}\nThe link works until {link.ExpiresAt:yyyy-MM-dd HH:mm} UTC for anyone who has it; share it only with people who may read this incident.");
        return CommandResult.Of(new Reply(new TextView(text), ReplyMode.Requester, await ReportFileAsync(context, snapshot, format, formatter)));
    }

    /// <summary>The same report as a file, for channels that can attach one (the link above still works without it).</summary>
    private static async Task<FileAttachment> ReportFileAsync(CommandContext context, Storage.IncidentSnapshot snapshot, string format, IReportFormatter formatter)
    {
        var incident = snapshot.Incident;
        var records = await context.Services.Store.GetDecisionsAsync(context.Actor.TenantId, incident.Id, context.CancellationToken);
        var report = IncidentReportBuilder.Build(incident, records, context.Now);
        var document = formatter.Write(report, format);
        return new FileAttachment($"{incident.Id}-report.{format}", $"Report of {incident.Id}", document.ContentType, System.Text.Encoding.UTF8.GetBytes(document.Content));
    }
}
