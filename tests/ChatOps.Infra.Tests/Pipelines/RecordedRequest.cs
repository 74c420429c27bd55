namespace ChatOps.Infra.Tests.Pipelines;

internal sealed record RecordedRequest(string Method, string Path, string Authorization, string Body, string? ContentType);
