namespace ChatOps.Teams.Graph;

/// <summary>Graph's error body <c>{"error":{"code","message"}}</c> (learn.microsoft.com/graph/errors).</summary>
public sealed class GraphErrorResponse
{
    public GraphErrorDetail? Error { get; set; }
}
