using System.Text.Json.Nodes;
using ChatOps.Cards.Teams.Views;
using ChatOps.Core.Views;

namespace ChatOps.Cards.Teams;

/// <summary>
/// Turns a view into an Adaptive Card 1.5 (the <c>content</c> of a Teams card attachment), under
/// <see cref="TeamsLimits.MaxCardBytes"/>: long lists are cut with a visible "… and N more".
/// </summary>
public static class AdaptiveCardRenderer
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    public static JsonObject Render(View view) => Render(view, RenderOptions.Default);

    /// <summary>
    /// The card's UTF-8 JSON for a help view, whose card is rendered once per view (plain help's view is one, shared by
    /// every reply), to be written out as it is and never changed; null for any other view (use <see cref="Render(View)"/>).
    /// The same card <see cref="Render(View)"/> gives.
    /// </summary>
    public static ReadOnlyMemory<byte>? SharedUtf8(View view) => view is HelpView help ? HelpCard.Utf8(help) : (ReadOnlyMemory<byte>?)null;

    /// <summary>Renders for a viewer (see <see cref="RenderOptions"/>); only approval cards differ by viewer.</summary>
    public static JsonObject Render(View view, RenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(options);
        return view switch
        {
            IncidentSummaryView v => IncidentSummaryCard.Render(v),
            ChecklistView v => ChecklistCard.Render(v),
            ApprovalRequestView v => ApprovalRequestCard.Render(v, options),
            StatusUpdateView v => StatusUpdateCard.Render(v),
            ContainmentLedgerView v => ContainmentLedgerCard.Render(v),
            PatchMatrixView v => PatchMatrixCard.Render(v),
            AlertCardView v => AlertCard.Render(v),
            DecisionLogPageView v => DecisionLogCard.Render(v),
            ReviewSummaryView v => ReviewSummaryCard.Render(v),
            HelpView v => HelpCard.Render(v),
            ErrorView v => SimpleCards.Error(v),
            WelcomeView v => SimpleCards.Welcome(v),
            TextView v => SimpleCards.Text(v),
            DialogFormView v => DialogFormCard.Render(v),
            DialogQuestionView v => DialogFormCard.Render(v),
            // A view added to Core before Cards knows it still reaches the user as its plain-text summary.
            _ => SimpleCards.Text(new TextView(view.FallbackText)),
        };
    }
}
