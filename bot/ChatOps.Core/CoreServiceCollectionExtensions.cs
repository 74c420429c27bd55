using ChatOps.Core.Commands;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatOps.Core;

public static class CoreServiceCollectionExtensions
{
    public static IServiceCollection AddChatOpsCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ICommandDispatcher, CommandDispatcher>();
        return services;
    }
}
