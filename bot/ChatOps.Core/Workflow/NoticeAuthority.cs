using ChatOps.Core.Identity;
using ChatOps.Core.Incidents;
using ChatOps.Core.Policy;

namespace ChatOps.Core.Workflow;

/// <summary>
/// Who may decide who hears about an incident. Kept in this one place so that the authority matrix of issue 16
/// (one table of which roles may run each command) can take it over without hunting through handlers.
/// </summary>
public static class NoticeAuthority
{
    /// <summary><c>audience add|remove</c>: comms or the commander (a configured default comms counts). Null when allowed.</summary>
    public static string? RefuseAudienceChange(Incident incident, Actor actor, PolicyOptions policy)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(policy);
        if (incident.IsCommander(actor) || incident.Holds(actor.UserId, IncidentRole.Comms) || policy.IsDefault(IncidentRole.Comms, actor.UserId))
        {
            return null;
        }

        var commander = (incident.Holder(IncidentRole.Commander) ?? incident.DeclaredBy).DisplayName;
        var comms = incident.Holder(IncidentRole.Comms)?.DisplayName;
        var who = comms is null ? $"the commander ({commander}) or comms (nobody holds it yet)" : $"comms ({comms}) or the commander ({commander})";
        return $"Only {who} can change who receives {incident.Id}'s updates. Ask them, or subscribe yourself where an audience is open: subscribe AUDIENCE";
    }
}
