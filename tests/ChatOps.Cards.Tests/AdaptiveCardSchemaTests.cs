using System.Text.Json.Nodes;
using ChatOps.Cards.Tests.Support;

namespace ChatOps.Cards.Tests;

/// <summary>Proves the schema check really evaluates the draft-06 schema: good cards pass, broken ones fail.</summary>
public class AdaptiveCardSchemaTests
{
    private static JsonNode Card(string bodyJson) => JsonNode.Parse(
        $$"""{"type":"AdaptiveCard","$schema":"http://adaptivecards.io/schemas/adaptive-card.json","version":"1.5","body":[{{bodyJson}}]}""")!;

    [Fact]
    public void Evaluate_KnownGoodChecklistFixture_IsValid()
    {
        var card = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "constructed-adaptivecard-checklist-1.5.json")))!;

        var results = AdaptiveCardSchema.Evaluate(card);

        Assert.True(results.IsValid);
    }

    [Fact]
    public void Evaluate_MinimalTextBlock_IsValid()
    {
        var results = AdaptiveCardSchema.Evaluate(Card("""{"type":"TextBlock","text":"hi","wrap":true}"""));

        Assert.True(results.IsValid);
    }

    [Theory]
    [InlineData("""{"type":"TextBlock","text":"hi","wrapp":true}""")]
    [InlineData("""{"type":"TextBlock"}""")]
    [InlineData("""{"type":"FancyBlock","text":"hi"}""")]
    [InlineData("""{"type":"TextBlock","text":"hi","wrap":"yes"}""")]
    [InlineData("""{"type":"FactSet","facts":[{"title":"a"}]}""")]
    [InlineData("""{"type":"ActionSet","actions":[{"type":"Action.Execute","verb":"x","data":3}]}""")]
    [InlineData("""{"type":"Input.Toggle","id":"t"}""")]
    public void Evaluate_BrokenElement_IsInvalid(string element)
    {
        var results = AdaptiveCardSchema.Evaluate(Card(element));

        Assert.False(results.IsValid);
    }

    [Fact]
    public void Evaluate_UnknownTopLevelProperty_IsInvalid()
    {
        var card = Card("""{"type":"TextBlock","text":"hi"}""");
        card["speakk"] = "typo";

        var results = AdaptiveCardSchema.Evaluate(card);

        Assert.False(results.IsValid);
    }
}
