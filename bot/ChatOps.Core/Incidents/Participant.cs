namespace ChatOps.Core.Incidents;

/// <summary>A person named in an incident (role holder, owner), by platform user id.</summary>
public sealed record Participant(string UserId, string DisplayName);
