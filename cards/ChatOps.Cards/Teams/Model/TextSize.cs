using System.Text.Json.Serialization;

namespace ChatOps.Cards.Teams.Model;

/// <summary>TextBlock size.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<TextSize>))]
public enum TextSize
{
    Default,
    Small,
    Medium,
    Large,
    ExtraLarge,
}
