namespace ChatOps.Teams.Schema;

/// <summary>Activity type and invoke names the bot handles (botframework-activity.md).</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string Invoke = "invoke";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string AdaptiveCardActionInvoke = "adaptiveCard/action";
}
