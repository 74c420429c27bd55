namespace ChatOps.Core.Incidents;

public sealed partial class Incident
{
    public List<NoticeRecord> Notices { get; init; } = [];

    /// <summary>When stakeholders last heard from the incident (declaration counts).</summary>
    public DateTimeOffset LastStakeholderUpdate => Notices.Count == 0 ? DeclaredAt : Notices[^1].At;

    /// <summary>The version at which comms was last reminded.</summary>
    public long? RemindedAtVersion { get; set; }

    /// <summary>When comms was last reminded: at most one reminder per silence interval.</summary>
    public DateTimeOffset? RemindedAt { get; set; }

    public NoticeRecord? FindNotice(string id) => Notices.FirstOrDefault(n => n.Id == id);
}
