namespace ChatOps.Core.Views;

/// <summary>The command list, or the detail of one command when <paramref name="Detail"/> is set.</summary>
public sealed record HelpView(IReadOnlyList<CommandHelpLine> Commands, CommandHelpLine? Detail = null) : View
{
    public override string FallbackText => Detail is null
        ? "Commands: " + string.Join("; ", Commands.Select(c => c.Usage))
        : $"{Detail.Usage}: {Detail.Summary}";
}
