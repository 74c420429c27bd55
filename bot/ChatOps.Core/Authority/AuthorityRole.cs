namespace ChatOps.Core.Authority;

/// <summary>Who a row of the <see cref="AuthorityMatrix"/> lets act: any member of the conversation, or the holders of a role.</summary>
public enum AuthorityRole
{
    /// <summary>Anyone who can write in the incident's conversation.</summary>
    Member,
    Commander,
    Approver,
    Comms,
    Scribe,
}
