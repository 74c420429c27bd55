namespace ChatOps.Core.Alerts;

/// <summary>
/// One alert from a monitoring source, after its payload was authenticated, parsed and mapped: <paramref name="ExternalId"/>
/// is the source's identity (Azure Monitor <c>essentials.alertId</c>, Alertmanager <c>fingerprint</c>) and
/// <paramref name="Systems"/> the system names the source's rules gave (empty: no rule matched).
/// </summary>
public sealed record IncomingAlert(string Source, string ExternalId, string Name, bool Firing, string? Summary, IReadOnlyList<string> Systems)
{
    public string Key => $"{Source}:{ExternalId}";
}
