using ChatOps.Teams.Schema;

namespace ChatOps.Teams.Activities;

/// <summary>
/// The activity being handled, for code that Core calls during the turn (the incident channel provisioner needs the
/// team, the service URL and the sender's Entra id, which Core never sees). Set by <see cref="ActivityRouter"/>; an
/// <see cref="AsyncLocal{T}"/> flows into what the turn awaits and never back out, like IHttpContextAccessor.
/// </summary>
public sealed class TurnActivity
{
    private static readonly AsyncLocal<Activity?> CurrentActivity = new();

    /// <summary>The activity of the turn running on this async flow, or null outside a turn.</summary>
    public Activity? Current
    {
        get => CurrentActivity.Value;
        internal set => CurrentActivity.Value = value;
    }
}
