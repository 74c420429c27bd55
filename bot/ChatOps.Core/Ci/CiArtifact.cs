namespace ChatOps.Core.Ci;

/// <summary>An artifact a CI run published: its name and, where the provider reports one, its <c>sha256:</c> digest.</summary>
public sealed record CiArtifact(string Name, string? Digest);
