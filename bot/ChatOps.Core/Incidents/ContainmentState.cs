namespace ChatOps.Core.Incidents;

public enum ContainmentState
{
    /// <summary>Recorded, not yet carried out.</summary>
    Open,

    /// <summary>Carried out and in place.</summary>
    Done,

    /// <summary>Undone after the danger passed.</summary>
    Reversed,

    /// <summary>Deliberately left in place after the incident, with a reason.</summary>
    Kept,
}
