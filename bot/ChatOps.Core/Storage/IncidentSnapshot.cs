using ChatOps.Core.Incidents;

namespace ChatOps.Core.Storage;

/// <summary>An incident as read from storage with its opaque concurrency tag.</summary>
public sealed record IncidentSnapshot(Incident Incident, string ETag);
