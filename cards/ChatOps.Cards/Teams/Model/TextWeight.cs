using System.Text.Json.Serialization;

namespace ChatOps.Cards.Teams.Model;

/// <summary>TextBlock weight.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<TextWeight>))]
public enum TextWeight
{
    Default,
    Lighter,
    Bolder,
}
