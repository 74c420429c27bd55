namespace ChatOps.Core.Views;

/// <summary>State of a containment action: still to do, done, reversed after the fix, or deliberately kept.</summary>
public enum ContainmentMark
{
    Open,
    Done,
    Reversed,
    Kept,
}
