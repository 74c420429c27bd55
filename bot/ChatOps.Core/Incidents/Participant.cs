using ChatOps.Core.Identity;

namespace ChatOps.Core.Incidents;

/// <summary>A person named in an incident (role holder, owner), by platform user id.</summary>
public sealed record Participant(string UserId, string DisplayName)
{
    public static Participant From(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return new Participant(actor.UserId, actor.DisplayName);
    }
}
