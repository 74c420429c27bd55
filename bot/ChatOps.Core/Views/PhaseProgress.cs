namespace ChatOps.Core.Views;

/// <summary>Where a phase stands in the tracker.</summary>
public enum PhaseProgress
{
    Next,
    Current,
    Done,
}
