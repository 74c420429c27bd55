using System.Globalization;
using ChatOps.Core.Commands;
using ChatOps.Core.Dialogs;
using ChatOps.Core.Storage;

namespace ChatOps.Core.Workflow.Handlers;

/// <summary>
/// Marks a dialog question as being answered, in the dialog's own state (a reserved data key written with the state's
/// ETag), so two people answering the same question at once are not both recorded: the second either loses the ETag
/// race or finds the mark. A mark left by an instance that died mid-answer lapses after <see cref="Lifetime"/>.
/// </summary>
internal static class DialogAnswerClaim
{
    public const string Key = "~answering";

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    public static CommandResult AlreadyAnswered { get; } = CommandContext.Error(
        "Someone else answered this question at the same moment; your answer was not recorded. Type 'status' to see where things stand.");

    public static bool IsHeld(DialogState state, DateTimeOffset now) =>
        state.Data.TryGetValue(Key, out var mark)
        && mark == state.Step.ToString(CultureInfo.InvariantCulture)
        && now - state.UpdatedAt < Lifetime;

    public static DialogState Claim(DialogState state, DateTimeOffset now) =>
        state with
        {
            Data = new Dictionary<string, string>(Without(state.Data)) { [Key] = state.Step.ToString(CultureInfo.InvariantCulture) },
            UpdatedAt = now,
        };

    /// <summary>The dialog's own data, without the mark (dialogs never see it).</summary>
    public static Dictionary<string, string> Without(IReadOnlyDictionary<string, string> data) =>
        data.Where(kv => kv.Key != Key).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);

    /// <summary>Nothing was recorded (refused, or storage failed): the question is open again. Best effort.</summary>
    public static async Task ReleaseAsync(CommandContext context, DialogState held)
    {
        try
        {
            await context.Services.Dialogs.SaveAsync(held, CancellationToken.None);
        }
        catch (Exception ex) when (ex is ConcurrencyConflictException or StorageUnavailableException)
        {
            // Moved on or unreachable: the mark lapses after Lifetime anyway.
        }
    }
}
