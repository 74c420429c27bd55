namespace ChatOps.Bot.Faults;

public static class FaultHandlingExtensions
{
    public static IServiceCollection AddFaultHandling(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<StorageExceptionHandler>();
        return services;
    }
}
