namespace ChatOps.Core.Views;

/// <summary>Where a phase stands in the tracker (see <see cref="Workflow.PhaseProjection"/>).</summary>
public enum PhaseProgress
{
    /// <summary>Not entered yet (after the current phase).</summary>
    Next,

    /// <summary>The phase entered last.</summary>
    Current,

    /// <summary>Behind the current phase, every checklist item ticked and nothing of it left open.</summary>
    Done,

    /// <summary>Left behind with open items by a recorded <c>--skip</c>.</summary>
    Skipped,

    /// <summary>Behind the current phase with open items and no skip recorded (the team went back, or unticked an item later).</summary>
    Open,
}
