namespace ChatOps.Core.Commands;

/// <summary>
/// A button press or card form submission: the verb the card declared and the data it carried, merged with
/// input values. Data is untrusted: it may name an incident, item or version, never who is acting.
/// </summary>
public sealed record CardAction(string Verb, IReadOnlyDictionary<string, string> Data)
{
    public string? Get(string key) => Data.TryGetValue(key, out var value) ? value : null;
}
