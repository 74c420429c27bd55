namespace ChatOps.Core.Decisions;

/// <summary>What a decision record says, in words, even for a kind this version does not know.</summary>
public static class RecordText
{
    public static string What(DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        try
        {
            return EventSerializer.Deserialize(record.Kind, record.Payload).Describe();
        }
        catch (Exception ex) when (ex is UnknownEventKindException or System.Text.Json.JsonException or NotSupportedException)
        {
            // A kind written by a newer version (or a damaged payload): show it as stored rather than hide it.
            return $"{record.Kind} {record.Payload}";
        }
    }
}
