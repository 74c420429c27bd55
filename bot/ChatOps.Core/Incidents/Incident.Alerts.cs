namespace ChatOps.Core.Incidents;

/// <summary>Alerts on deployed systems and the quiet watches that ended (issue 20).</summary>
public sealed partial class Incident
{
    public List<AlertRecord> Alerts { get; init; } = [];

    /// <summary>Approval ids whose watch after deployment ended (asked or verified once; the guard against asking twice).</summary>
    public List<string> WatchesEnded { get; init; } = [];

    /// <summary>By short id (<c>AL1</c>) or by the source's key.</summary>
    public AlertRecord? FindAlert(string idOrKey) =>
        Alerts.LastOrDefault(a => string.Equals(a.Id, idOrKey, StringComparison.OrdinalIgnoreCase) || string.Equals(a.Key, idOrKey, StringComparison.Ordinal));

    /// <summary>The undecided alert holding <paramref name="system"/> of <paramref name="patchId"/>, if any.</summary>
    public AlertRecord? FiringAlert(string patchId, string system) =>
        Alerts.FirstOrDefault(a => a.IsFiring && string.Equals(a.PatchId, patchId, StringComparison.OrdinalIgnoreCase)
            && string.Equals(a.System, system, StringComparison.OrdinalIgnoreCase));
}
