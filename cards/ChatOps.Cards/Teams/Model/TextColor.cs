using System.Text.Json.Serialization;

namespace ChatOps.Cards.Teams.Model;

/// <summary>Text colour.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<TextColor>))]
public enum TextColor
{
    Default,
    Dark,
    Light,
    Accent,
    Good,
    Warning,
    Attention,
}
