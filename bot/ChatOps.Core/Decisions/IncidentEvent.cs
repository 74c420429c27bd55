using System.Text.Json.Serialization;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Decisions;

/// <summary>
/// A change to an incident, stored as the payload of a <see cref="DecisionRecord"/>. Each event knows how to
/// apply itself to the incident's state and how to say what it was in a sentence for the log.
/// </summary>
public abstract record IncidentEvent
{
    /// <summary>Stable name stored with the record, e.g. <c>incident.declared</c>.</summary>
    [JsonIgnore]
    public abstract string Kind { get; }

    /// <summary>Applies the change; <paramref name="record"/> supplies who and when.</summary>
    public abstract void Apply(Incident incident, DecisionRecord record);

    /// <summary>One line for the decision log: what was decided or done.</summary>
    public abstract string Describe();

    /// <summary>The line in words people know, given the incident (an item's text rather than its id); by default <see cref="Describe()"/>.</summary>
    public virtual string Describe(Incident incident) => Describe();
}
