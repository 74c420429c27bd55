namespace ChatOps.Core.Gates;

public sealed record GateWindow(DateTimeOffset Start, DateTimeOffset End);
