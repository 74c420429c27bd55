using ChatOps.Core.Conversations;

namespace ChatOps.Core.Dialogs;

/// <summary>Stores the active dialog of each conversation (at most one).</summary>
public interface IDialogStore
{
    Task<DialogState?> GetAsync(ConversationKey conversation, CancellationToken cancellationToken = default);

    /// <summary>Saves the state, conditioned on <see cref="DialogState.ETag"/> (null = must not exist).</summary>
    /// <exception cref="Storage.ConcurrencyConflictException">Someone else moved the dialog on first.</exception>
    Task<DialogState> SaveAsync(DialogState state, CancellationToken cancellationToken = default);

    Task DeleteAsync(ConversationKey conversation, CancellationToken cancellationToken = default);
}
