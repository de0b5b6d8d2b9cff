namespace OpenAlmaty.FrontOffice.Domain.Queue;

/// <summary>The ordering rule that chose a ticket.</summary>
public static class CallRules
{
    /// <summary>A booked reception whose slot time has come.</summary>
    public const string ReceptionSlot = "reception-slot";

    /// <summary>A priority visitor, by the priority-to-regular ratio.</summary>
    public const string PriorityRatio = "priority-ratio";

    /// <summary>Arrival order among regular visitors (or priority ones when no regular waits).</summary>
    public const string Arrival = "arrival";

    /// <summary>A booked reception before its slot, because nobody else waits.</summary>
    public const string ReceptionEarly = "reception-early";

    /// <summary>An officer chose this ticket by hand.</summary>
    public const string ChosenByOfficer = "chosen-by-officer";
}

/// <summary>Why a ticket was called: stored with the call for audit ("why this ticket").</summary>
public sealed record CallReason(
    string Rule,
    string Tier,
    int RegularsSincePriority,
    int PriorityRatio,
    int WaitingPriority,
    int WaitingRegular,
    int WaitingReception,
    string? OfficerReason = null);
