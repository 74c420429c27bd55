using ChatOps.Core.Commands;
using ChatOps.Core.Commands.Grammar;
using ChatOps.Core.Views;

namespace ChatOps.Core.Workflow.Handlers;

/// <summary><c>help [command]</c>, generated from <see cref="CommandCatalog"/>.</summary>
public sealed class HelpHandler : ICommandHandler
{
    // The catalog is fixed once built, so the full list (and plain help's view, an immutable record) is made once.
    private static readonly Lazy<IReadOnlyList<CommandHelpLine>> AllLines = new(() => CommandCatalog.All.Select(Line).ToList());
    private static readonly Lazy<HelpView> Everything = new(() => new HelpView(AllLines.Value));

    public IReadOnlyCollection<string> Commands { get; } = CommandCatalog.Names("help");

    public Task<CommandResult> HandleAsync(CommandContext context, ParsedCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return Task.FromResult(CommandResult.Of(new Reply(Render(command["command"]), ReplyMode.Private)));
    }

    public static View Render(string? topic)
    {
        if (topic is null)
        {
            return Everything.Value;
        }

        var all = AllLines.Value;

        var matches = CommandCatalog.All.Where(d => d.Name.Equals(topic, StringComparison.OrdinalIgnoreCase)
            || d.Words[0].Equals(topic, StringComparison.OrdinalIgnoreCase)).ToList();
        return matches.Count switch
        {
            0 => new ErrorView($"There is no command '{topic}'.", CommandCatalog.Help.Usage),
            1 => new HelpView(all, Line(matches[0])),
            _ => new HelpView(matches.Select(Line).ToList()),
        };
    }

    private static CommandHelpLine Line(CommandDefinition d) => new(d.Usage, d.Summary, d.Details);
}
