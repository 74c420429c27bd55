namespace ChatOps.Core.Reports;

/// <summary>An artifact of a CI run; <paramref name="Digest"/> is null where the provider reports none (Azure DevOps).</summary>
public sealed record ReportCiArtifact(string Name, string? Digest);
