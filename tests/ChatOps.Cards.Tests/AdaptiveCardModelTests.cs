using ChatOps.Cards.Teams.Model;
using ChatOps.Cards.Tests.Support;

namespace ChatOps.Cards.Tests;

/// <summary>The typed model writes the schema's wire names, omits nulls and validates, including elements no view uses yet.</summary>
public class AdaptiveCardModelTests
{
    private static AdaptiveCard EveryElement() => new()
    {
        Schema = AdaptiveCard.SchemaUrl,
        Version = AdaptiveCard.Version15,
        Refresh = new Refresh { Action = new ExecuteAction { Verb = "v.refresh" }, UserIds = ["29:a"] },
        Body =
        [
            new TextBlock { Text = "t", Size = TextSize.ExtraLarge, Weight = TextWeight.Bolder, Color = TextColor.Attention, Spacing = Spacing.ExtraLarge },
            new RichTextBlock { Inlines = [new TextRun { Text = "[not](a link)", Italic = true }] },
            new Container { Style = ContainerStyle.Emphasis, Items = [new FactSet { Facts = [new Fact("a", "b")] }] },
            new ColumnSet { Columns = [new Column { Width = "auto", Items = [new InputToggle { Id = "tg", Title = "Done", ValueOn = "true", ValueOff = "false" }] }] },
            new InputChoiceSet { Id = "c", Label = "Audience", Style = ChoiceInputStyle.Expanded, Choices = [new Choice("IT", "it"), new Choice("Users", "users")] },
            new InputText { Id = "r", IsMultiline = true, MaxLength = 10 },
            new ActionSet { Actions = [new OpenUrlAction { Title = "Open", Url = new Uri("https://example.com/x") }] },
        ],
        Actions = [new ShowCardAction { Title = "More", Card = new AdaptiveCard { Body = [new TextBlock { Text = "inner" }] } }],
    };

    [Fact]
    public void ToJsonObject_EveryElement_IsValidAdaptiveCard15()
    {
        var json = AdaptiveCardSerializer.ToJsonObject(EveryElement());

        AdaptiveCardSchema.AssertValid(json, "model");
    }

    [Fact]
    public void ToJsonObject_EveryElement_UsesSchemaWireNames()
    {
        var json = JsonText.Readable(AdaptiveCardSerializer.ToJsonObject(EveryElement()));

        foreach (var expected in new[]
        {
            "\"type\":\"AdaptiveCard\",\"$schema\":", "\"type\":\"Input.Toggle\"", "\"type\":\"Input.ChoiceSet\"", "\"type\":\"Action.OpenUrl\"",
            "\"type\":\"Action.ShowCard\"", "\"size\":\"extraLarge\"", "\"weight\":\"bolder\"", "\"userIds\":[\"29:a\"]", "\"isMultiline\":true",
            "\"type\":\"TextRun\"", "\"valueOn\":\"true\"",
        })
        {
            Assert.Contains(expected, json, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
    }
}
