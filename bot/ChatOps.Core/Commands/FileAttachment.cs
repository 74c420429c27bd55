namespace ChatOps.Core.Commands;

/// <summary>
/// A file offered with a reply (e.g. the incident report of <c>export</c>). Channels that cannot or may not upload
/// files ignore it; the reply's view must stand on its own without it.
/// </summary>
/// <param name="FileName">Name shown to people, e.g. <c>INC-2026-0001-report.md</c>.</param>
/// <param name="Title">Title shown above the file.</param>
/// <param name="ContentType">MIME type.</param>
/// <param name="Content">The bytes.</param>
public sealed record FileAttachment(string FileName, string Title, string ContentType, ReadOnlyMemory<byte> Content);
