using ChatOps.Core.Conversations;
using ChatOps.Core.Incidents;
using ChatOps.Core.Views;
using Microsoft.Extensions.Logging;

namespace ChatOps.Core.Alerts;

/// <summary>
/// Posts an alert's card once into the incident's conversation and replaces it in place afterwards (repeat count,
/// resolution, keep, roll back), through the channel's <see cref="IPostedCardPoster"/> and <see cref="IPostedCardUpdater"/>
/// and the posted-card store the approval cards use. A card that cannot be posted or updated is logged: the decision is
/// already recorded, and the typed commands still work.
/// </summary>
public sealed class AlertCards(
    IEnumerable<IPostedCardPoster> posters,
    IEnumerable<IPostedCardUpdater> updaters,
    ILogger<AlertCards> logger,
    IPostedCardStore? store = null,
    IAlertTally? tally = null)
{
    private readonly IReadOnlyList<IPostedCardPoster> _posters = posters.ToList();
    private readonly IReadOnlyList<IPostedCardUpdater> _updaters = updaters.ToList();

    public static string Key(string incidentId, string alertId) => $"alert|{incidentId}|{alertId}";

    public static AlertCardView View(Incident incident, AlertRecord alert, int count)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(alert);
        return new AlertCardView(incident.Id, incident.Id, alert.Id, alert.Name, alert.Source, alert.System, alert.PatchId, alert.Summary, alert.FiredAt,
            alert.DeployedAt is { } deployed ? alert.FiredAt - deployed : null, Math.Max(count, 1), Workflow.ViewStates.Of(alert.State), alert.ChangedAt,
            alert.DecidedBy?.DisplayName, alert.Reason);
    }

    public async Task PostAsync(Incident incident, AlertRecord alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(alert);
        var poster = _posters.FirstOrDefault(p => p.Channel == incident.Conversation.Channel);
        if (poster is null)
        {
            Log.AlertCardNoPoster(logger, incident.Conversation.Channel.ToString(), alert.Id, incident.Id);
            return;
        }

        try
        {
            var posted = await poster.PostAsync(incident.Conversation, View(incident, alert, 1), cancellationToken);
            if (store is not null)
            {
                await store.RecordAsync(Key(incident.Id, alert.Id), posted, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.AlertCardPostFailed(logger, ex, alert.Id, incident.Id);
        }
    }

    public async Task UpdateAsync(Incident incident, AlertRecord alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(alert);
        var updater = _updaters.FirstOrDefault(u => u.Channel == incident.Conversation.Channel);
        if (store is null || updater is null)
        {
            return;
        }

        try
        {
            var count = tally is null ? 1 : await tally.GetAsync(incident.TenantId, incident.Id, alert.Id, cancellationToken);
            if (await store.FindAsync(updater.Channel, incident.TenantId, Key(incident.Id, alert.Id), cancellationToken) is { } card)
            {
                await updater.UpdateAsync(card, View(incident, alert, count), cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.AlertCardUpdateFailed(logger, ex, alert.Id, incident.Id);
        }
    }
}
