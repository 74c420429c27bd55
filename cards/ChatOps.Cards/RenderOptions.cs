namespace ChatOps.Cards;

/// <summary>
/// Who the card is rendered for. Teams approval cards use it: the card sent to the channel is rendered without a
/// viewer (status only, plus a <c>refresh</c> for the approvers); when an approver's client runs the refresh
/// (<c>approval.refresh</c>), render again with <see cref="ViewerUserId"/> = the invoking user's id to get the
/// card with Approve/Reject. A viewer who is not an approver gets the status-only card. Slack ignores it.
/// </summary>
public sealed record RenderOptions(string? ViewerUserId = null)
{
    public static RenderOptions Default { get; } = new();
}
