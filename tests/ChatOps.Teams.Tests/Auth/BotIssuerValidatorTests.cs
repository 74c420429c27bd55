using ChatOps.Teams.Auth;
using Microsoft.IdentityModel.Tokens;

namespace ChatOps.Teams.Tests.Auth;

public sealed class BotIssuerValidatorTests
{
    [Fact]
    public void For_ConfiguredIssuer_ReturnsIt()
    {
        var validate = BotIssuerValidator.For("https://api.botframework.com");

        var issuer = validate("https://api.botframework.com", null!, new TokenValidationParameters());

        Assert.Equal("https://api.botframework.com", issuer);
    }

    [Theory]
    [InlineData("https://api.botframework.us")]
    [InlineData("https://API.botframework.com")]
    [InlineData("https://api.botframework.com/")]
    public void For_OtherIssuer_Throws(string issuer)
    {
        var validate = BotIssuerValidator.For("https://api.botframework.com");

        Assert.Throws<SecurityTokenInvalidIssuerException>(() => validate(issuer, null!, new TokenValidationParameters()));
    }
}
