using ChatOps.Core.Conversations;
using ChatOps.Core.Identity;
using ChatOps.Core.Storage;

namespace ChatOps.Storage.Tests.Contracts;

/// <summary>
/// The incident directory's contract: one active incident per conversation; a binding to an incident that is no
/// longer active is replaced; unbinding releases only the incident named and remembers it as the last one.
/// </summary>
public abstract class IncidentDirectoryContract
{
    private static readonly Func<string, Task<bool>> AlwaysActive = _ => Task.FromResult(true);

    protected abstract IIncidentDirectory CreateDirectory();

    private static ConversationKey NewConversation() => new(ChannelKind.Slack, "T1", "C" + Guid.NewGuid().ToString("N")[..10] + "/#?");

    [Fact]
    public async Task FindAsync_NeverBound_IsNull()
    {
        var directory = CreateDirectory();

        var found = await directory.FindAsync(NewConversation());

        Assert.Null(found);
    }

    [Fact]
    public async Task TryBindAsync_FreeConversation_BindsIt()
    {
        var directory = CreateDirectory();
        var conversation = NewConversation();

        var bound = await directory.TryBindAsync(conversation, "INC-2026-0001", AlwaysActive);

        Assert.True(bound);
        Assert.Equal("INC-2026-0001", await directory.FindAsync(conversation));
    }

    [Fact]
    public async Task TryBindAsync_SecondActiveIncident_IsRefused()
    {
        var directory = CreateDirectory();
        var conversation = NewConversation();
        await directory.TryBindAsync(conversation, "INC-2026-0001", AlwaysActive);

        var bound = await directory.TryBindAsync(conversation, "INC-2026-0002", AlwaysActive);

        Assert.False(bound);
        Assert.Equal("INC-2026-0001", await directory.FindAsync(conversation));
    }

    [Fact]
    public async Task TryBindAsync_PreviousIncidentNoLongerActive_ReplacesTheBinding()
    {
        var directory = CreateDirectory();
        var conversation = NewConversation();
        await directory.TryBindAsync(conversation, "INC-2026-0001", AlwaysActive);

        var bound = await directory.TryBindAsync(conversation, "INC-2026-0002", id => Task.FromResult(id != "INC-2026-0001"));

        Assert.True(bound);
        Assert.Equal("INC-2026-0002", await directory.FindAsync(conversation));
    }

    [Fact]
    public async Task TryBindAsync_FiveRacingDeclarations_OnlyOneWins()
    {
        var directory = CreateDirectory();
        var conversation = NewConversation();

        var results = await Task.WhenAll(Enumerable.Range(1, 5).Select(n => directory.TryBindAsync(conversation, $"INC-2026-000{n}", AlwaysActive)));

        Assert.Single(results, r => r);
    }

    [Fact]
    public async Task UnbindAsync_OtherIncident_LeavesTheBinding()
    {
        var directory = CreateDirectory();
        var conversation = NewConversation();
        await directory.TryBindAsync(conversation, "INC-2026-0001", AlwaysActive);

        await directory.UnbindAsync(conversation, "INC-2026-0009");

        Assert.Equal("INC-2026-0001", await directory.FindAsync(conversation));
    }

    [Fact]
    public async Task UnbindAsync_BoundIncident_ReleasesTheConversation()
    {
        var directory = CreateDirectory();
        var conversation = NewConversation();
        await directory.TryBindAsync(conversation, "INC-2026-0001", AlwaysActive);

        await directory.UnbindAsync(conversation, "INC-2026-0001");

        Assert.Null(await directory.FindAsync(conversation));
    }

    [Fact]
    public async Task FindLastAsync_AfterUnbind_IsTheReleasedIncident()
    {
        var directory = CreateDirectory();
        var conversation = NewConversation();
        await directory.TryBindAsync(conversation, "INC-2026-0001", AlwaysActive);
        await directory.UnbindAsync(conversation, "INC-2026-0001");

        var last = await directory.FindLastAsync(conversation);

        Assert.Equal("INC-2026-0001", last);
    }

    [Fact]
    public async Task FindLastAsync_WhileBound_IsTheActiveIncident()
    {
        var directory = CreateDirectory();
        var conversation = NewConversation();
        await directory.TryBindAsync(conversation, "INC-2026-0001", AlwaysActive);
        await directory.UnbindAsync(conversation, "INC-2026-0001");
        await directory.TryBindAsync(conversation, "INC-2026-0002", AlwaysActive);

        var last = await directory.FindLastAsync(conversation);

        Assert.Equal("INC-2026-0002", last);
    }

    [Fact]
    public async Task ListAsync_BoundConversation_IsListedWithItsIncident()
    {
        var directory = CreateDirectory();
        var conversation = NewConversation();
        await directory.TryBindAsync(conversation, "INC-2026-0001", AlwaysActive);

        var listed = await directory.ListAsync().ToListAsync();

        Assert.Contains((conversation, "INC-2026-0001"), listed);
    }

    [Fact]
    public async Task ListAsync_ReleasedConversation_IsNotListed()
    {
        var directory = CreateDirectory();
        var conversation = NewConversation();
        await directory.TryBindAsync(conversation, "INC-2026-0001", AlwaysActive);
        await directory.UnbindAsync(conversation, "INC-2026-0001");

        var listed = await directory.ListAsync().ToListAsync();

        Assert.DoesNotContain(listed, entry => entry.Conversation == conversation);
    }
}
