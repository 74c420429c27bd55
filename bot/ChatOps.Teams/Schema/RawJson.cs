using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatOps.Teams.Schema;

/// <summary>
/// JSON already written (UTF-8, valid, from our own writer), carried in a <see cref="System.Text.Json.Nodes.JsonValue"/>
/// where the wire schema has a <see cref="System.Text.Json.Nodes.JsonNode"/> (an attachment's content), and written out
/// as it is: a card rendered once and shared by every reply (plain help) is not walked and escaped again per reply. A
/// node over it cannot be changed (it is a value, not an object), so a shared card cannot be altered by one reply.
/// </summary>
[JsonConverter(typeof(RawJsonConverter))]
public sealed class RawJson(ReadOnlyMemory<byte> utf8)
{
    public ReadOnlyMemory<byte> Utf8 { get; } = utf8;
}

/// <summary>Writes <see cref="RawJson"/> as it is. Outgoing only: an incoming attachment's content is read as a node.</summary>
internal sealed class RawJsonConverter : JsonConverter<RawJson>
{
    public override RawJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("RawJson is only written.");

    public override void Write(Utf8JsonWriter writer, RawJson value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteRawValue(value.Utf8.Span, skipInputValidation: true);
    }
}
