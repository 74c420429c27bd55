namespace ChatOps.Core.Notifications;

/// <summary>The words for an update that reached nobody: the same in the sender's reply and in the incident channel.</summary>
public static class NoticeReach
{
    public static string HowToAdd(string audience) =>
        $"Add people with: audience add {audience} @user (comms or commander)";

    public static string NobodyText(string noticeId, string audience) =>
        $"⚠️ Update {noticeId} reached nobody in {audience}: the audience has no members, subscribers or configured recipients. {HowToAdd(audience)}, then send it again.";
}
