using ChatOps.Core.Views;

namespace ChatOps.Cards;

/// <summary>Trusted wording for status updates, shared by both channels.</summary>
internal static class NoticeText
{
    public static string AudienceLabel(NoticeAudience audience) => audience switch
    {
        NoticeAudience.It => "IT",
        NoticeAudience.Management => "management",
        NoticeAudience.Users => "users",
        _ => audience.ToString(),
    };

    public const string AckTitle = "Acknowledge";
}
