using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatOps.Core.Decisions;

/// <summary>
/// Start-up check of <c>Audit:Key</c>: at least 32 bytes when set, and required outside Development (without it a
/// consistent rewrite of an incident's records cannot be detected). In Development it may be missing; <c>verify</c> then says so.
/// <c>Audit:CheckpointInterval</c> is more than zero and at most <see cref="MaximumCheckpointInterval"/>.
/// </summary>
internal sealed class AuditOptionsValidator(IServiceProvider services) : IValidateOptions<AuditOptions>
{
    public const int MinimumKeyBytes = 32;

    /// <summary>The longest a change may wait for its checkpoint (records not yet covered show as such in <c>verify</c>).</summary>
    public static readonly TimeSpan MaximumCheckpointInterval = TimeSpan.FromMinutes(5);

    public ValidateOptionsResult Validate(string? name, AuditOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.CheckpointInterval <= TimeSpan.Zero || options.CheckpointInterval > MaximumCheckpointInterval)
        {
            return ValidateOptionsResult.Fail($"Audit:CheckpointInterval must be more than zero and at most {MaximumCheckpointInterval} (it is {options.CheckpointInterval}).");
        }

        if (string.IsNullOrEmpty(options.Key))
        {
            return services.GetService<IHostEnvironment>() is { } environment && environment.IsDevelopment()
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail("Audit:Key is not set: decision-log checkpoints cannot be signed. Set it to a random secret of at least 32 bytes (an app setting Audit__Key from Key Vault).");
        }

        return Encoding.UTF8.GetByteCount(options.Key) < MinimumKeyBytes
            ? ValidateOptionsResult.Fail($"Audit:Key must be at least {MinimumKeyBytes} bytes long.")
            : ValidateOptionsResult.Success;
    }
}
