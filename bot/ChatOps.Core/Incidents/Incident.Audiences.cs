namespace ChatOps.Core.Incidents;

/// <summary>Who receives this incident's stakeholder updates, per audience (added by comms or the commander, or self-subscribed to an open audience).</summary>
public sealed partial class Incident
{
    public Dictionary<string, List<Participant>> AudienceMembers { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<Participant> MembersOf(string audience) =>
        AudienceMembers.TryGetValue(audience, out var members) ? members : [];

    /// <summary>The display name of someone this incident knows (role holder, audience member, declarer), else null.</summary>
    public string? KnownName(string userId) =>
        Roles.Select(r => r.Person).Concat(AudienceMembers.Values.SelectMany(m => m)).Append(DeclaredBy)
            .Concat(Notices.SelectMany(n => n.Acknowledgements.Select(a => a.Person)))
            .FirstOrDefault(p => string.Equals(p.UserId, userId, StringComparison.Ordinal) && p.DisplayName != p.UserId)?.DisplayName;
}
