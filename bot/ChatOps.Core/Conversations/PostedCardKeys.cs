using ChatOps.Core.Views;

namespace ChatOps.Core.Conversations;

/// <summary>The key under which a posted view is remembered; only views that can change later for everyone have one.</summary>
public static class PostedCardKeys
{
    public static string? For(View view) => view switch
    {
        ApprovalRequestView approval => $"approval|{approval.IncidentId}|{approval.ApprovalId}",
        _ => null,
    };
}
