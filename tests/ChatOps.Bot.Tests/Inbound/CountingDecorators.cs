using ChatOps.Core.Commands.Grammar;
using ChatOps.Core.Conversations;
using ChatOps.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Bot.Tests.Inbound;

/// <summary>Counts what the host does per command: grammar reads and conversation → incident look-ups.</summary>
internal sealed class InboundCounts
{
    private int _parses;
    private int _lookups;

    public int Parses => Volatile.Read(ref _parses);

    public int Lookups => Volatile.Read(ref _lookups);

    public void Reset()
    {
        Volatile.Write(ref _parses, 0);
        Volatile.Write(ref _lookups, 0);
    }

    /// <summary>Replaces the host's parser and incident directory with counting decorators of the real ones.</summary>
    public void Install(IServiceCollection services)
    {
        services.AddSingleton<ICommandParser>(new CountingParser(this));
        var directory = services.Last(d => d.ServiceType == typeof(IIncidentDirectory));
        services.Remove(directory);
        services.AddSingleton<IIncidentDirectory>(sp => new CountingDirectory(
            (IIncidentDirectory)ActivatorUtilities.CreateInstance(sp, directory.ImplementationType!), this));
    }

    private sealed class CountingParser(InboundCounts counts) : ICommandParser
    {
        public ParseResult Parse(string text)
        {
            Interlocked.Increment(ref counts._parses);
            return GrammarParser.Instance.Parse(text);
        }
    }

    private sealed class CountingDirectory(IIncidentDirectory inner, InboundCounts counts) : IIncidentDirectory
    {
        public Task<string?> FindAsync(ConversationKey conversation, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref counts._lookups);
            return inner.FindAsync(conversation, cancellationToken);
        }

        public Task<bool> TryBindAsync(ConversationKey conversation, string incidentId, Func<string, Task<bool>> isStillActive, CancellationToken cancellationToken = default) =>
            inner.TryBindAsync(conversation, incidentId, isStillActive, cancellationToken);

        public IAsyncEnumerable<(ConversationKey Conversation, string IncidentId)> ListAsync(CancellationToken cancellationToken = default) =>
            inner.ListAsync(cancellationToken);

        public Task<string?> FindLastAsync(ConversationKey conversation, CancellationToken cancellationToken = default) =>
            inner.FindLastAsync(conversation, cancellationToken);

        public Task UnbindAsync(ConversationKey conversation, string incidentId, CancellationToken cancellationToken = default) =>
            inner.UnbindAsync(conversation, incidentId, cancellationToken);
    }
}
