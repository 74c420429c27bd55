using System.Text.Json.Serialization;

namespace ChatOps.Cards.Teams.Model;

/// <summary>Input.ChoiceSet style.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<ChoiceInputStyle>))]
public enum ChoiceInputStyle
{
    Compact,
    Expanded,
}
