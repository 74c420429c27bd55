namespace ChatOps.Core.Incidents;

public sealed partial class Incident
{
    public List<NoticeRecord> Notices { get; init; } = [];

    /// <summary>When stakeholders last heard from the incident (declaration counts).</summary>
    public DateTimeOffset LastStakeholderUpdate => Notices.Count == 0 ? DeclaredAt : Notices[^1].At;

    /// <summary>The version at which comms was last reminded; no new reminder until something changes.</summary>
    public long? RemindedAtVersion { get; set; }

    public NoticeRecord? FindNotice(string id) => Notices.FirstOrDefault(n => n.Id == id);
}
