using ChatOps.Core.Conversations;
using ChatOps.Core.Dialogs;
using ChatOps.Core.Idempotency;
using ChatOps.Core.Notifications;
using ChatOps.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatOps.Testing;

/// <summary>One set of in-memory stores; registering the same instance in two containers simulates two bot instances (or a restart) on one storage account.</summary>
public sealed class InMemoryStorage
{
    public InMemoryIncidentStore Incidents { get; } = new();

    public InMemoryIncidentDirectory Directory { get; } = new();

    public InMemoryDialogStore Dialogs { get; } = new();

    public InMemoryIdempotencyStore Idempotency { get; } = new();

    public InMemoryConversationReferenceStore References { get; } = new();

    public InMemorySubscriptionStore Subscriptions { get; } = new();

    public InMemoryAuditCheckpointStore Checkpoints { get; } = new();

    public InMemoryIntakeQueue Intake { get; } = new();

    public InMemoryDeliveryStore Deliveries => _deliveries ??= new InMemoryDeliveryStore(Incidents);

    private InMemoryDeliveryStore? _deliveries;

    public IServiceCollection Register(IServiceCollection services)
    {
        services.RemoveAll<IIncidentStore>().AddSingleton<IIncidentStore>(Incidents);
        services.RemoveAll<IIncidentDirectory>().AddSingleton<IIncidentDirectory>(Directory);
        services.RemoveAll<IDialogStore>().AddSingleton<IDialogStore>(Dialogs);
        services.RemoveAll<IIdempotencyStore>().AddSingleton<IIdempotencyStore>(Idempotency);
        services.RemoveAll<IConversationReferenceStore>().AddSingleton<IConversationReferenceStore>(References);
        services.RemoveAll<ISubscriptionStore>().AddSingleton<ISubscriptionStore>(Subscriptions);
        services.RemoveAll<IDeliveryStore>().AddSingleton<IDeliveryStore>(Deliveries);
        services.RemoveAll<IAuditCheckpointStore>().AddSingleton<IAuditCheckpointStore>(Checkpoints);
        services.RemoveAll<IIntakeQueue>().AddSingleton<IIntakeQueue>(Intake);
        return services;
    }
}
