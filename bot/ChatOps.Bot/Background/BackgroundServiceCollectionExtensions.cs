namespace ChatOps.Bot.Background;

public static class BackgroundServiceCollectionExtensions
{
    /// <summary>
    /// The notification dispatcher and the minute worker (comms reminder, approval expiry); <c>Notifications:Enabled</c> =
    /// false turns both off, e.g. in tests.
    /// </summary>
    public static IServiceCollection AddBackgroundWork(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration.GetValue("Notifications:Enabled", true))
        {
            services.AddHostedService<NotificationWorker>();
            services.AddHostedService<ReminderWorker>();
        }

        return services;
    }
}
