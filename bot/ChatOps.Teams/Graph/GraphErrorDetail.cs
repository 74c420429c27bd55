namespace ChatOps.Teams.Graph;

/// <summary>The <c>error</c> object of a Graph error body.</summary>
public sealed class GraphErrorDetail
{
    public string? Code { get; set; }

    public string? Message { get; set; }
}
