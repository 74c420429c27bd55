using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Gates;

/// <summary>Checks <c>Authorization: Bearer &lt;Gates:Token&gt;</c> in constant time; anything else is 401 and touches nothing.</summary>
internal sealed class GateTokenFilter(IOptions<GatesOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var expected = options.Value.Token;
        var header = context.HttpContext.Request.Headers.Authorization.ToString();
        const string prefix = "Bearer ";
        if (string.IsNullOrEmpty(expected) || !header.StartsWith(prefix, StringComparison.Ordinal)
            || !FixedTimeEquals(header[prefix.Length..].Trim(), expected))
        {
            context.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return TypedResults.Problem("A valid gate token is required (Authorization: Bearer <Gates:Token>).", statusCode: StatusCodes.Status401Unauthorized);
        }

        return await next(context);
    }

    // Hashing first gives equal-length inputs, so neither content nor length leaks through timing.
    private static bool FixedTimeEquals(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
