namespace ChatOps.Core.Views;

/// <summary>Where a patch was tested and what showed it works.</summary>
public sealed record TestEvidenceLine(string Environment, string? Url, string? Note);
