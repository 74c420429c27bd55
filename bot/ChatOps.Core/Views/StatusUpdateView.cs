namespace ChatOps.Core.Views;

/// <summary>
/// A stakeholder status update with an Acknowledge button. The template depends on <paramref name="Audience"/>:
/// IT sees systems, patch and window; management sees <paramref name="Impact"/> and the timeline; users see
/// <paramref name="UserChanges"/> and the window. Fields a template does not use may be empty. A notice of a closed
/// incident is not <paramref name="Acknowledgeable"/>: its record is read-only, so it offers no button that would refuse.
/// </summary>
public sealed record StatusUpdateView(
    string IncidentId,
    string NoticeId,
    string IncidentNumber,
    string IncidentTitle,
    string Phase,
    NoticeAudience Audience,
    string Message,
    IReadOnlyList<string> Systems,
    string? PatchId,
    string? PatchDescription,
    TimeWindowLine? Window,
    string? Impact,
    IReadOnlyList<TimelineLine> Timeline,
    string? UserChanges,
    DateTimeOffset SentAt,
    bool Acknowledgeable = true) : View
{
    public override string FallbackText => $"{IncidentNumber} {IncidentTitle} update ({Phase}): {Message}";
}
