using ChatOps.Core.Conversations;
using ChatOps.Core.Dialogs;
using ChatOps.Core.Identity;
using ChatOps.Core.Storage;

namespace ChatOps.Storage.Tests.Contracts;

/// <summary>
/// The dialog port's contract: at most one dialog per conversation, created only where none is, moved on only by
/// the holder of the ETag it last read (any other write is a <see cref="ConcurrencyConflictException"/>), not found as null.
/// </summary>
public abstract class DialogStoreContract
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    protected abstract IDialogStore CreateStore();

    private static DialogState NewDialog() => new(
        new ConversationKey(ChannelKind.Slack, "T1", "C" + Guid.NewGuid().ToString("N")[..10] + "/#?"),
        "INC-2026-0001", "assess", 0, new Dictionary<string, string> { ["impact"] = "web01 and web02" }, "U1", Noon);

    [Fact]
    public async Task GetAsync_NeverSaved_IsNull()
    {
        var store = CreateStore();

        var found = await store.GetAsync(NewDialog().Conversation);

        Assert.Null(found);
    }

    [Fact]
    public async Task SaveAsync_New_ReturnsAnETagThatGetReadsBack()
    {
        var store = CreateStore();
        var dialog = NewDialog();

        var saved = await store.SaveAsync(dialog);

        var found = await store.GetAsync(dialog.Conversation);
        Assert.NotNull(saved.ETag);
        Assert.Equal(saved.ETag, found!.ETag);
    }

    [Fact]
    public async Task SaveAsync_New_GetReadsBackEveryField()
    {
        var store = CreateStore();
        var dialog = NewDialog();

        await store.SaveAsync(dialog);

        var found = await store.GetAsync(dialog.Conversation);
        Assert.Equal((dialog.IncidentId, dialog.Kind, dialog.Step, dialog.StartedBy, dialog.UpdatedAt), (found!.IncidentId, found.Kind, found.Step, found.StartedBy, found.UpdatedAt));
        Assert.Equal(dialog.Data, found.Data);
    }

    [Fact]
    public async Task SaveAsync_NewWhereOneExists_Conflicts()
    {
        var store = CreateStore();
        var dialog = NewDialog();
        await store.SaveAsync(dialog);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync(dialog with { Step = 1 }));
    }

    [Fact]
    public async Task SaveAsync_WithTheETagLastRead_MovesOnWithANewETag()
    {
        var store = CreateStore();
        var saved = await store.SaveAsync(NewDialog());

        var moved = await store.SaveAsync(saved with { Step = 1 });

        Assert.NotEqual(saved.ETag, moved.ETag);
        Assert.Equal(1, (await store.GetAsync(saved.Conversation))!.Step);
    }

    [Fact]
    public async Task SaveAsync_WithAnOldETag_Conflicts()
    {
        var store = CreateStore();
        var saved = await store.SaveAsync(NewDialog());
        await store.SaveAsync(saved with { Step = 1 });

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync(saved with { Step = 2 }));
    }

    [Fact]
    public async Task SaveAsync_WithAnETagAfterDelete_Conflicts()
    {
        var store = CreateStore();
        var saved = await store.SaveAsync(NewDialog());
        await store.DeleteAsync(saved.Conversation);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync(saved with { Step = 1 }));
    }

    [Fact]
    public async Task DeleteAsync_Saved_GetIsNull()
    {
        var store = CreateStore();
        var saved = await store.SaveAsync(NewDialog());

        await store.DeleteAsync(saved.Conversation);

        Assert.Null(await store.GetAsync(saved.Conversation));
    }

    [Fact]
    public async Task DeleteAsync_NeverSaved_DoesNothing()
    {
        var store = CreateStore();
        var conversation = NewDialog().Conversation;

        await store.DeleteAsync(conversation);

        Assert.Null(await store.GetAsync(conversation));
    }
}
