namespace ChatOps.Core.Views;

/// <summary>
/// Where a patch was tested and what showed it works. <paramref name="Linkable"/>: the link's host is in
/// <c>Policy:EvidenceHosts</c>, so cards may offer it as a button; otherwise it is shown as text only.
/// <paramref name="Run"/>: the CI run the result was read from; null when the result is a typed claim.
/// </summary>
public sealed record TestEvidenceLine(string Environment, string? Url, string? Note, bool Linkable = false, CiRunLine? Run = null);
