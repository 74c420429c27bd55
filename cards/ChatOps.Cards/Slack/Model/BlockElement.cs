using System.Text.Json.Serialization;

namespace ChatOps.Cards.Slack.Model;

/// <summary>An interactive element; <c>type</c> is written from the derived type.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ButtonElement), "button")]
[JsonDerivedType(typeof(PlainTextInputElement), "plain_text_input")]
[JsonDerivedType(typeof(StaticSelectElement), "static_select")]
[JsonDerivedType(typeof(CheckboxesElement), "checkboxes")]
public abstract record BlockElement
{
    public required string ActionId { get; init; }
}
