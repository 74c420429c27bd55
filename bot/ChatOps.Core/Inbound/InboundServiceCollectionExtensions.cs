using ChatOps.Core.Commands.Grammar;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatOps.Core.Inbound;

public static class InboundServiceCollectionExtensions
{
    /// <summary>The inbound pipeline and the grammar it reads with; each channel adds it (once is enough).</summary>
    public static IServiceCollection AddInboundPipeline(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ICommandParser>(GrammarParser.Instance);
        services.TryAddSingleton<InboundPipeline>();
        return services;
    }
}
