using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatOps.Cards.Tests.Support;

/// <summary>JSON as a person reads it (no \u escapes), for "the card says X" assertions.</summary>
internal static class JsonText
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Readable(JsonNode node) => node.ToJsonString(Relaxed);
}
