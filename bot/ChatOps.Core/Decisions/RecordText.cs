namespace ChatOps.Core.Decisions;

/// <summary>What a decision record says, in words, even for a kind this version does not know.</summary>
public static class RecordText
{
    /// <param name="record">The record.</param>
    /// <param name="incident">When given, records name things as people see them (a checklist item's text, not its id).</param>
    public static string What(DecisionRecord record, Incidents.Incident? incident = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        try
        {
            var evt = EventSerializer.Deserialize(record.Kind, record.Payload);
            return incident is null ? evt.Describe() : evt.Describe(incident);
        }
        catch (Exception ex) when (ex is UnknownEventKindException or System.Text.Json.JsonException or NotSupportedException)
        {
            // A kind written by a newer version (or a damaged payload): show it as stored rather than hide it.
            return $"{record.Kind} {record.Payload}";
        }
    }
}
