namespace ChatOps.Core.Incidents;

/// <summary>The seven phases of emergency patching, in order.</summary>
public enum Phase
{
    Assess,
    Contain,
    Test,
    Implement,
    Communicate,
    Document,
    Review,
}
