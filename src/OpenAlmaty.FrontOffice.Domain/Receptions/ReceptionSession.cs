namespace OpenAlmaty.FrontOffice.Domain.Receptions;

/// <summary>
/// One sitting of a deputy akim's personal reception: a date, a time span cut into slots, and a
/// number of residents per slot. Generated from the weekly schedule or made one-off.
/// </summary>
public sealed class ReceptionSession
{
    public const int MinSlotMinutes = 5;
    public const int MaxSlotMinutes = 120;
    public const int MaxPlacesPerSlot = 20;

    public Guid Id { get; init; }
    public required string DeputyName { get; init; }
    public int? DistrictAgencyId { get; init; }
    public DateOnly Date { get; init; }
    public TimeOnly Start { get; init; }
    public TimeOnly End { get; init; }
    public int SlotMinutes { get; init; }
    public int PlacesPerSlot { get; init; }
    public int? DeskId { get; init; }
    public DateTime? CancelledAt { get; private set; }

    public bool IsCancelled => CancelledAt is not null;

    public static ReceptionSession Plan(Guid id, string deputyName, int? districtAgencyId, DateOnly date, TimeOnly start, TimeOnly end,
        int slotMinutes, int placesPerSlot, int? deskId)
    {
        if (string.IsNullOrWhiteSpace(deputyName))
        {
            throw new DomainRuleException(DomainRule.InvalidSession, "A session names its deputy akim.");
        }

        if (slotMinutes is < MinSlotMinutes or > MaxSlotMinutes || placesPerSlot is < 1 or > MaxPlacesPerSlot)
        {
            throw new DomainRuleException(DomainRule.InvalidSession,
                $"Slots last {MinSlotMinutes}–{MaxSlotMinutes} minutes and hold 1–{MaxPlacesPerSlot} residents.");
        }

        if (end <= start || (end - start).TotalMinutes < slotMinutes)
        {
            throw new DomainRuleException(DomainRule.InvalidSession, "A session ends after it starts and holds at least one slot.");
        }

        return new ReceptionSession
        {
            Id = id, DeputyName = deputyName.Trim(), DistrictAgencyId = districtAgencyId, Date = date, Start = start, End = end,
            SlotMinutes = slotMinutes, PlacesPerSlot = placesPerSlot, DeskId = deskId,
        };
    }

    /// <summary>The slot start times; a last part shorter than a slot is not a slot.</summary>
    public IReadOnlyList<TimeOnly> Slots()
    {
        var slots = new List<TimeOnly>();
        for (var t = Start; t.AddMinutes(SlotMinutes) <= End && t >= Start; t = t.AddMinutes(SlotMinutes))
        {
            slots.Add(t);
        }

        return slots;
    }

    public int Capacity => Slots().Count * PlacesPerSlot;

    public DateTime StartsAtUtc => Calendar.AlmatyClock.ToUtc(Date.ToDateTime(Start));

    public void Cancel(DateTime nowUtc) => CancelledAt ??= nowUtc;
}
