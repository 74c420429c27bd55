using System.Collections.Concurrent;

namespace ChatOps.Core.Notifications;

/// <summary>
/// The people each notice went to, per audience, as this process's dispatcher expanded it. Recipients are fixed once a
/// notice's audience is expanded, so a remembered set never goes stale; <c>status</c> (who has not acknowledged the
/// latest notice) then needs no read of the delivery rows when every audience of the notice was expanded here, and
/// reads them otherwise (expanded by another instance, or before a restart).
/// </summary>
public sealed class NoticeRecipients
{
    /// <summary>Notices remembered (past this the memory is dropped and refilled as notices are expanded).</summary>
    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<(string Tenant, string Incident, string Notice), ConcurrentDictionary<string, IReadOnlyList<string>>> _known = new();

    /// <summary>Notes the people (user recipients) one audience of a notice was expanded to.</summary>
    public void Expanded(string tenantId, string incidentId, string noticeId, string audience, IReadOnlyList<Recipient> recipients)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        if (_known.Count >= Capacity)
        {
            _known.Clear();
        }

        var people = recipients.Where(r => r.Kind == RecipientKind.User).Select(r => r.Id).Distinct(StringComparer.Ordinal).ToList();
        _known.GetOrAdd((tenantId, incidentId, noticeId), _ => new(StringComparer.Ordinal))[audience] = people;
    }

    /// <summary>The people the notice went to, if every one of <paramref name="audiences"/> was expanded here; else null.</summary>
    public IReadOnlyList<string>? Find(string tenantId, string incidentId, string noticeId, IReadOnlyList<string> audiences)
    {
        ArgumentNullException.ThrowIfNull(audiences);
        if (!_known.TryGetValue((tenantId, incidentId, noticeId), out var expanded) || !audiences.All(expanded.ContainsKey))
        {
            return null;
        }

        return audiences.SelectMany(a => expanded[a]).Distinct(StringComparer.Ordinal).ToList();
    }
}
