using System.Text.Json.Serialization;

namespace ChatOps.Cards.Teams.Model;

/// <summary>Input.Text style hint.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<TextInputStyle>))]
public enum TextInputStyle
{
    Text,
    Tel,
    Url,
    Email,
    Password,
}
