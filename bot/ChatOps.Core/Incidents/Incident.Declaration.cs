using ChatOps.Core.Decisions;
using ChatOps.Core.Decisions.Events;

namespace ChatOps.Core.Incidents;

public sealed partial class Incident
{
    internal void ApplyDeclaration(IncidentDeclared declared, DecisionRecord record)
    {
        UpdatedAt = record.At;
    }
}
