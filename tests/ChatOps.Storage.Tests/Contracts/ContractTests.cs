using ChatOps.Core.Alerts;
using ChatOps.Core.Conversations;
using ChatOps.Core.Dialogs;
using ChatOps.Core.Idempotency;
using ChatOps.Core.Notifications;
using ChatOps.Core.Storage;
using ChatOps.Testing;

namespace ChatOps.Storage.Tests.Contracts;

// Each port's contract runs against the in-memory fake other test projects use and against the Table store on Azurite,
// so a fake that drifts from production fails here.
public sealed class InMemoryIdempotencyStoreContractTests : IdempotencyStoreContract
{
    protected override IIdempotencyStore CreateStore() => new InMemoryIdempotencyStore();
}

[Trait("Category", "Azurite")]
public sealed class IdempotencyTableStoreContractTests(StorageFixture fixture) : IdempotencyStoreContract, IClassFixture<StorageFixture>
{
    protected override IIdempotencyStore CreateStore() => new IdempotencyTableStore(fixture.CreateTables(), TimeProvider.System);
}

public sealed class InMemoryConversationReferenceStoreContractTests : ConversationReferenceStoreContract
{
    protected override IConversationReferenceStore CreateStore() => new InMemoryConversationReferenceStore(Clock);
}

[Trait("Category", "Azurite")]
public sealed class ConversationReferenceTableStoreContractTests(StorageFixture fixture) : ConversationReferenceStoreContract, IClassFixture<StorageFixture>
{
    protected override IConversationReferenceStore CreateStore() => new ConversationReferenceTableStore(fixture.CreateTables(), Clock);
}

public sealed class InMemoryDialogStoreContractTests : DialogStoreContract
{
    protected override IDialogStore CreateStore() => new InMemoryDialogStore();
}

[Trait("Category", "Azurite")]
public sealed class DialogTableStoreContractTests(StorageFixture fixture) : DialogStoreContract, IClassFixture<StorageFixture>
{
    protected override IDialogStore CreateStore() => new DialogTableStore(fixture.CreateTables());
}

public sealed class InMemoryIncidentDirectoryContractTests : IncidentDirectoryContract
{
    protected override IIncidentDirectory CreateDirectory() => new InMemoryIncidentDirectory();
}

[Trait("Category", "Azurite")]
public sealed class IncidentDirectoryTableStoreContractTests(StorageFixture fixture) : IncidentDirectoryContract, IClassFixture<StorageFixture>
{
    protected override IIncidentDirectory CreateDirectory() => new IncidentDirectoryTableStore(fixture.CreateTables());
}

public sealed class InMemoryAuditCheckpointStoreContractTests : AuditCheckpointStoreContract
{
    protected override IAuditCheckpointStore CreateStore() => new InMemoryAuditCheckpointStore();
}

[Trait("Category", "Azurite")]
public sealed class AuditCheckpointTableStoreContractTests(StorageFixture fixture) : AuditCheckpointStoreContract, IClassFixture<StorageFixture>
{
    protected override IAuditCheckpointStore CreateStore() => new AuditCheckpointTableStore(fixture.CreateTables());
}

public sealed class InMemoryPostedCardStoreContractTests : PostedCardStoreContract
{
    protected override IPostedCardStore CreateStore() => new InMemoryPostedCardStore();
}

[Trait("Category", "Azurite")]
public sealed class PostedCardTableStoreContractTests(StorageFixture fixture) : PostedCardStoreContract, IClassFixture<StorageFixture>
{
    protected override IPostedCardStore CreateStore() => new PostedCardTableStore(fixture.CreateTables());
}

public sealed class InMemorySubscriptionStoreContractTests : SubscriptionStoreContract
{
    protected override ISubscriptionStore CreateStore() => new InMemorySubscriptionStore();
}

[Trait("Category", "Azurite")]
public sealed class SubscriptionTableStoreContractTests(StorageFixture fixture) : SubscriptionStoreContract, IClassFixture<StorageFixture>
{
    protected override ISubscriptionStore CreateStore() => new SubscriptionTableStore(fixture.CreateTables(), TimeProvider.System);
}

public sealed class InMemoryIntakeQueueContractTests : IntakeQueueContract
{
    protected override IIntakeQueue CreateQueue() => new InMemoryIntakeQueue();
}

[Trait("Category", "Azurite")]
public sealed class IntakeQueueStoreContractTests(StorageFixture fixture) : IntakeQueueContract, IClassFixture<StorageFixture>
{
    protected override IIntakeQueue CreateQueue() => new IntakeQueueStore(Microsoft.Extensions.Options.Options.Create(new TableStorageOptions
    {
        ConnectionString = fixture.ConnectionString,
        TablePrefix = "q" + Guid.NewGuid().ToString("N")[..12],
        NetworkTimeout = TimeSpan.FromSeconds(5),
    }));
}

public sealed class InMemoryAlertTallyContractTests : AlertTallyContract
{
    protected override IAlertTally CreateTally() => new InMemoryAlertTally();
}

[Trait("Category", "Azurite")]
public sealed class AlertTallyTableStoreContractTests(StorageFixture fixture) : AlertTallyContract, IClassFixture<StorageFixture>
{
    protected override IAlertTally CreateTally() => new AlertTallyTableStore(fixture.CreateTables());
}

public sealed class InMemoryIncidentStoreContractTests : IncidentStoreContract
{
    protected override IIncidentStore CreateStore() => new InMemoryIncidentStore();
}

[Trait("Category", "Azurite")]
public sealed class IncidentTableStoreContractTests(StorageFixture fixture) : IncidentStoreContract, IClassFixture<StorageFixture>
{
    protected override IIncidentStore CreateStore() => new IncidentTableStore(fixture.CreateTables(), Clock);
}

public sealed class InMemoryDeliveryStoreContractTests : DeliveryStoreContract
{
    protected override (IIncidentStore Incidents, IDeliveryStore Deliveries) CreateStores()
    {
        var incidents = new InMemoryIncidentStore();
        return (incidents, new InMemoryDeliveryStore(incidents));
    }
}

[Trait("Category", "Azurite")]
public sealed class DeliveryTableStoreContractTests(StorageFixture fixture) : DeliveryStoreContract, IClassFixture<StorageFixture>
{
    protected override (IIncidentStore Incidents, IDeliveryStore Deliveries) CreateStores()
    {
        var tables = fixture.CreateTables();
        return (new IncidentTableStore(tables, Clock), new DeliveryTableStore(tables));
    }
}
