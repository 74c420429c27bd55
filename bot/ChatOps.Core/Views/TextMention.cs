namespace ChatOps.Core.Views;

/// <summary>
/// A person a <see cref="TextView"/> names so that the platform notifies them: the text holds <c>@DisplayName</c>,
/// which Teams turns into an <c>&lt;at&gt;</c> mention entity and Slack into <c>&lt;@U…&gt;</c>.
/// </summary>
public sealed record TextMention(string UserId, string DisplayName)
{
    public string Token => "@" + DisplayName;
}
