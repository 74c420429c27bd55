namespace ChatOps.Core.Gates;

/// <summary>
/// The approval's binding as the gate API returns it: patch, systems, window, test evidence, the artifact digest
/// (null when the patch named none) and the short fingerprint shown on the approval card.
/// </summary>
public sealed record GateBinding(
    string PatchId,
    IReadOnlyList<string> Systems,
    GateWindow Window,
    string TestResult,
    string? Evidence,
    string? Artifact,
    string Fingerprint);
