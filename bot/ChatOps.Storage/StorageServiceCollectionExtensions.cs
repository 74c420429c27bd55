using ChatOps.Core.Conversations;
using ChatOps.Core.Dialogs;
using ChatOps.Core.Idempotency;
using ChatOps.Core.Notifications;
using ChatOps.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatOps.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Registers the Table storage implementations of Core's ports. Reads <c>ConnectionStrings:Tables</c> and <c>Storage:*</c>.</summary>
    public static IServiceCollection AddChatOpsStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<TableStorageOptions>()
            .Bind(configuration.GetSection("Storage"))
            .Configure(o => o.ConnectionString = configuration.GetConnectionString("Tables") ?? o.ConnectionString)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<TableStorageOptions>, StorageOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ChatOpsTables>();
        services.TryAddSingleton<IIncidentStore, IncidentTableStore>();
        services.TryAddSingleton<IIncidentDirectory, IncidentDirectoryTableStore>();
        services.TryAddSingleton<IConversationReferenceStore, ConversationReferenceTableStore>();
        services.TryAddSingleton<IIdempotencyStore, IdempotencyTableStore>();
        services.TryAddSingleton<IPostedCardStore, PostedCardTableStore>();
        services.TryAddSingleton<Core.Alerts.IAlertTally, AlertTallyTableStore>();
        services.TryAddSingleton<IDialogStore, DialogTableStore>();
        services.TryAddSingleton<ISubscriptionStore, SubscriptionTableStore>();
        services.TryAddSingleton<IDeliveryStore, DeliveryTableStore>();
        services.TryAddSingleton<IAuditCheckpointStore, AuditCheckpointTableStore>();
        services.TryAddSingleton<IIntakeQueue, IntakeQueueStore>();
        return services;
    }
}
