using System.Text.Json.Nodes;
using Json.Schema;

namespace ChatOps.Cards.Tests.Support;

/// <summary>The official Adaptive Card 1.5 schema (draft-06), evaluated by JsonSchema.Net with formats asserted.</summary>
internal static class AdaptiveCardSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromFile(Path.Combine(AppContext.BaseDirectory, "TestData", "adaptive-card-1.5.0.json")));

    private static readonly EvaluationOptions Options = new()
    {
        EvaluateAs = SpecVersion.Draft6,
        OutputFormat = OutputFormat.List,
        RequireFormatValidation = true,
    };

    public static EvaluationResults Evaluate(JsonNode card) => Schema.Value.Evaluate(card, Options);

    /// <summary>Fails the test with the schema's complaints when the card is not valid Adaptive Card 1.5.</summary>
    public static void AssertValid(JsonNode card, string because)
    {
        var results = Evaluate(card);
        if (!results.IsValid)
        {
            var errors = (results.Details ?? [])
                .Where(d => d.HasErrors)
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Value}"))
                .Take(15);
            Assert.Fail($"{because}: not valid against the Adaptive Card 1.5 schema:\n{string.Join("\n", errors)}");
        }
    }
}
