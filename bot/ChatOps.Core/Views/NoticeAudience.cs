namespace ChatOps.Core.Views;

/// <summary>Who a status update is written for; each has its own card template.</summary>
public enum NoticeAudience
{
    /// <summary>IT staff: technical detail (systems, patch, window).</summary>
    It,

    /// <summary>Management: impact and timeline.</summary>
    Management,

    /// <summary>End users: what changes for them and when.</summary>
    Users,
}
