using System.Globalization;
using ChatOps.Core.Views;

namespace ChatOps.Cards;

/// <summary>The data each action carries, identical on both channels (string values, keys from <see cref="CardDataKeys"/>).</summary>
internal static class CardData
{
    public static IReadOnlyDictionary<string, string> ChecklistToggle(string incidentId, string itemId, long version) =>
        new Dictionary<string, string>
        {
            [CardDataKeys.IncidentId] = incidentId,
            [CardDataKeys.ItemId] = itemId,
            [CardDataKeys.Version] = version.ToString(CultureInfo.InvariantCulture),
        };

    public static IReadOnlyDictionary<string, string> Approval(ApprovalRequestView view) =>
        new Dictionary<string, string>
        {
            [CardDataKeys.IncidentId] = view.IncidentId,
            [CardDataKeys.ApprovalId] = view.ApprovalId,
            [CardDataKeys.Version] = view.Version.ToString(CultureInfo.InvariantCulture),
        };

    public static IReadOnlyDictionary<string, string> NoticeAck(string incidentId, string noticeId) =>
        new Dictionary<string, string>
        {
            [CardDataKeys.IncidentId] = incidentId,
            [CardDataKeys.NoticeId] = noticeId,
        };

    public static IReadOnlyDictionary<string, string> LogPage(string incidentId, int page) =>
        new Dictionary<string, string>
        {
            [CardDataKeys.IncidentId] = incidentId,
            [CardDataKeys.Page] = page.ToString(CultureInfo.InvariantCulture),
        };

    public static IReadOnlyDictionary<string, string> Dialog(string incidentId, string dialog) =>
        new Dictionary<string, string>
        {
            [CardDataKeys.IncidentId] = incidentId,
            [CardDataKeys.Dialog] = dialog,
        };

    public static IReadOnlyDictionary<string, string> Alert(AlertCardView view) =>
        new Dictionary<string, string>
        {
            [CardDataKeys.IncidentId] = view.IncidentId,
            [CardDataKeys.AlertId] = view.AlertId,
        };
}
