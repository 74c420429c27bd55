using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatOps.Core.Decisions;

/// <summary>
/// A canonical JSON form for hashing: object members sorted by ordinal name, no insignificant white space,
/// numbers and strings as System.Text.Json writes them. The same value always gives the same bytes.
/// </summary>
public static class CanonicalJson
{
    public static byte[] ToUtf8Bytes(JsonNode? node)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false }))
        {
            Write(writer, node);
        }

        return stream.ToArray();
    }

    public static string ToJsonString(JsonNode? node) => Encoding.UTF8.GetString(ToUtf8Bytes(node));

    private static void Write(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (name, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(name);
                    Write(writer, value);
                }

                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }
}
