using ChatOps.Teams.Auth;
using Microsoft.IdentityModel.Tokens;

namespace ChatOps.Teams.Tests.Auth;

public sealed class EndorsementClaimsTests
{
    [Fact]
    public void Read_JwkWithEndorsements_ReturnsEach()
    {
        var key = new JsonWebKey("""{"kty":"RSA","kid":"k","n":"AQAB","e":"AQAB","endorsements":["msteams","skype"]}""");

        var endorsements = EndorsementClaims.Read(key);

        Assert.Equal(["msteams", "skype"], endorsements);
    }

    [Fact]
    public void Read_JwkWithoutEndorsements_Empty()
    {
        var key = new JsonWebKey("""{"kty":"RSA","kid":"k","n":"AQAB","e":"AQAB"}""");

        Assert.Empty(EndorsementClaims.Read(key));
    }
}
