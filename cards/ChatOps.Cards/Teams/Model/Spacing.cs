using System.Text.Json.Serialization;

namespace ChatOps.Cards.Teams.Model;

/// <summary>Space before an element.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<Spacing>))]
public enum Spacing
{
    Default,
    None,
    Small,
    Medium,
    Large,
    ExtraLarge,
    Padding,
}
