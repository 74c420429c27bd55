namespace ChatOps.Bot.Alerts;

/// <summary>One alert as its payload said it, before the source's rules name its systems.</summary>
public sealed record ParsedAlert(
    string ExternalId, string Name, bool Firing, string? Summary, IReadOnlyList<string> ResourceIds, IReadOnlyDictionary<string, string> Labels);
