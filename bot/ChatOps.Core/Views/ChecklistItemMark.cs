namespace ChatOps.Core.Views;

/// <summary>State of a checklist item.</summary>
public enum ChecklistItemMark
{
    Open,
    Done,
}
