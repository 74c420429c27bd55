namespace ChatOps.Core.Identity;

/// <summary>The chat platform a command came from or a message goes to.</summary>
public enum ChannelKind
{
    Teams,
    Slack,
}
