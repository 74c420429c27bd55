namespace ChatOps.Core.Views;

/// <summary>One phase in the tracker (Assess, Contain, Test, Implement, Communicate, Document, Review).</summary>
public sealed record PhaseStepLine(string Name, PhaseProgress Progress);
