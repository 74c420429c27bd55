using ChatOps.Core.Commands;
using ChatOps.Core.Conversations;
using ChatOps.Core.Identity;
using ChatOps.Core.Views;

namespace ChatOps.Core.Tests;

public class CommandDispatcherTests
{
    [Fact]
    public async Task DispatchAsync_UnknownVerb_ReturnsErrorWithUsage()
    {
        var actor = new Actor(ChannelKind.Teams, "t1", "29:alice", "Alice");
        var command = new Command(actor, new ConversationKey(ChannelKind.Teams, "t1", "19:c"), "frobnicate");

        var result = await new CommandDispatcher().DispatchAsync(command);

        var error = Assert.IsType<ErrorView>(Assert.Single(result.Replies).View);
        Assert.Contains("frobnicate", error.Message, StringComparison.Ordinal);
    }
}
