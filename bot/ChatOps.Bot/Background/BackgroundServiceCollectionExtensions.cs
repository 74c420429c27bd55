namespace ChatOps.Bot.Background;

public static class BackgroundServiceCollectionExtensions
{
    /// <summary>
    /// The notification dispatcher and the minute workers (comms reminder, approval expiry; the watch after deployments); <c>Notifications:Enabled</c> =
    /// false turns them off, e.g. in tests. The checkpoint worker always runs: commands leave their keyed checkpoints to it.
    /// </summary>
    public static IServiceCollection AddBackgroundWork(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHostedService<CheckpointWorker>();
        if (configuration.GetValue("Notifications:Enabled", true))
        {
            services.AddHostedService<NotificationWorker>();
            services.AddHostedService<ReminderWorker>();
            services.AddHostedService<WatchWorker>();
        }

        return services;
    }
}
