using System.Net;
using ChatOps.Teams.Auth;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace ChatOps.Teams.Tests.Auth;

public sealed class BotCallerAuthorizationHandlerTests
{
    [Theory]
    [InlineData("Development", "127.0.0.1", true)]
    [InlineData("Development", "::1", true)]
    [InlineData("Development", "10.1.2.3", false)]
    [InlineData("Production", "127.0.0.1", false)]
    [InlineData("Staging", "::1", false)]
    public void IsDevConsole_EnvironmentAndAddress_OnlyDevelopmentLoopback(string environment, string address, bool expected)
    {
        var env = new Environment { EnvironmentName = environment };

        var allowed = BotCallerAuthorizationHandler.IsDevConsole(env, IPAddress.Parse(address));

        Assert.Equal(expected, allowed);
    }

    [Fact]
    public void IsDevConsole_UnknownAddress_False()
    {
        var allowed = BotCallerAuthorizationHandler.IsDevConsole(new Environment { EnvironmentName = "Development" }, null);

        Assert.False(allowed);
    }

    private sealed class Environment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Production";

        public string ApplicationName { get; set; } = "tests";

        public string ContentRootPath { get; set; } = "/";

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
