using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Domain.Queue;

namespace OpenAlmaty.FrontOffice.Application.Desks;

/// <summary>What each of the domain's <see cref="CallRules"/> is called where an officer reads "why this ticket".</summary>
public static class CallRuleNames
{
    public static IReadOnlyDictionary<string, Words> All { get; } = new Dictionary<string, Words>
    {
        [CallRules.ReceptionSlot] = new("жазылу уақыты келді", "наступило время записи", "the booked time has come"),
        [CallRules.ReceptionEarly] = new("жазылу, басқа ешкім күтпейді", "запись, больше никто не ждёт", "a booking, nobody else waits"),
        [CallRules.PriorityRatio] = new("басымдық кезегі (арақатынас бойынша)", "приоритетная очередь (по соотношению)", "priority queue (by the ratio)"),
        [CallRules.Arrival] = new("келу реті бойынша", "по порядку прихода", "in order of arrival"),
        [CallRules.ChosenByOfficer] = new("қызметкер таңдады", "выбран сотрудником", "chosen by the officer"),
    };
}
