using System.Globalization;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Alerts;

/// <summary>The answer to <c>deploy verify … ok</c> while an alert holds the system: the alert and the two ways out.</summary>
public static class AlertRefusal
{
    public static string? ForVerify(Incident incident, string patchId, string system)
    {
        ArgumentNullException.ThrowIfNull(incident);
        if (incident.FiringAlert(patchId, system) is not { } alert)
        {
            return null;
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"{system} cannot be verified for {patchId}: alert {alert.Id} ({alert.Name}, {alert.Source}) has been firing since {alert.FiredAt:HH:mm} UTC. ") +
            $"Wait until it resolves, or decide: alert keep {alert.Id} --reason \"WHY\" (keep the deployment) or alert rollback {alert.Id} --reason \"WHY\" (roll {patchId} back).";
    }
}
