using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatOps.Cards.Teams.Model;

/// <summary>Writes enum members the way the Adaptive Card schema spells them (<c>ExtraLarge</c> -> <c>extraLarge</c>).</summary>
internal sealed class CamelCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    where TEnum : struct, Enum;
