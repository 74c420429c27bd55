using System.Globalization;
using ChatOps.Core.Views;

namespace ChatOps.Cards;

/// <summary>Trusted wording of alert cards, shared by both channels.</summary>
internal static class AlertText
{
    public static string Heading(AlertCardView view) => view.Status switch
    {
        AlertCardStatus.Resolved => $"✅ Alert resolved on {view.System}",
        AlertCardStatus.Kept => $"⚠ Alert on {view.System}: deployment kept",
        AlertCardStatus.RolledBack => $"↩ Alert on {view.System}: {view.PatchId} rolled back",
        _ => $"🚨 Alert on {view.System} after {view.PatchId}",
    };

    public static string Status(AlertCardView view) => view.Status switch
    {
        AlertCardStatus.Resolved => "Resolved" + At(view.ChangedAt),
        AlertCardStatus.Kept => "Kept" + By(view) + At(view.ChangedAt),
        AlertCardStatus.RolledBack => "Rolled back" + By(view) + At(view.ChangedAt),
        _ => "Firing — deploy verify is held until it resolves, is kept, or is rolled back",
    };

    public static string Firings(AlertCardView view) => view.Count == 1 ? "1" : view.Count.ToString(CultureInfo.InvariantCulture) + " (repeats update this card)";

    public static string SinceDeploy(AlertCardView view) => view.SinceDeploy is not { } since
        ? "-"
        : since < TimeSpan.Zero ? "before the deployment started"
        : since.TotalMinutes < 1 ? "under a minute after the deployment started"
        : since.TotalHours < 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)since.TotalMinutes} min after the deployment started")
        : string.Create(CultureInfo.InvariantCulture, $"{(int)since.TotalHours} h {since.Minutes} min after the deployment started");

    private static string By(AlertCardView view) => view.DecidedBy is null ? string.Empty : " by " + view.DecidedBy;

    private static string At(DateTimeOffset? at) => at is { } t ? " at " + Text.CardText.Time(t) : string.Empty;
}
