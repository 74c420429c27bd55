namespace ChatOps.Core.Views;

/// <summary>Shown when the bot joins a conversation: how to start an incident and where to get help.</summary>
public sealed record WelcomeView(string StartUsage = "declare \"TITLE\"", string HelpUsage = "help") : View
{
    public override string FallbackText => $"Hi! To start an incident, type {StartUsage}. For the command list, type {HelpUsage}.";
}
