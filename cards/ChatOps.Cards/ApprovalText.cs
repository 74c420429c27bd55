using ChatOps.Core.Views;

namespace ChatOps.Cards;

/// <summary>Trusted wording for approval states, shared by both channels so they say the same thing.</summary>
internal static class ApprovalText
{
    public static string StatusLine(ApprovalRequestView view) => view.Status switch
    {
        ApprovalCardStatus.Pending => $"⏳ Waiting for approval: {view.Approvals.Count} of {view.RequiredApprovals}",
        ApprovalCardStatus.Approved => "✅ Approved",
        ApprovalCardStatus.Rejected => "❌ Rejected",
        ApprovalCardStatus.Voided => "⊘ Voided",
        ApprovalCardStatus.Expired => "⌛ Expired",
        ApprovalCardStatus.Deployed => "🚀 Deployed",
        _ => view.Status.ToString(),
    };

    public static bool IsPending(ApprovalRequestView view) => view.Status == ApprovalCardStatus.Pending;
}
