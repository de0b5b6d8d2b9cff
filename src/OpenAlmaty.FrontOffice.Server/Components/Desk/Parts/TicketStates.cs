using OpenAlmaty.FrontOffice.Contracts;

namespace OpenAlmaty.FrontOffice.Server.Components.Desk.Parts;

/// <summary>A ticket's state as an officer reads it, for the wire names <c>TicketDto.State</c> carries.</summary>
public static class TicketStates
{
    private static readonly Dictionary<string, Words> Names = new(StringComparer.Ordinal)
    {
        ["Waiting"] = new("Кезекте", "В очереди", "Waiting"),
        ["Called"] = new("Шақырылды", "Вызван(а)", "Called"),
        ["Serving"] = new("Қызмет көрсетілуде", "Обслуживается", "Being served"),
        ["Parked"] = new("Кейінге қалдырылды", "Отложен(а)", "Stepped aside"),
        ["NoShow"] = new("Келмеді", "Не пришёл (не пришла)", "Did not come"),
        ["Completed"] = new("Қызмет көрсетілді", "Обслужен(а)", "Served"),
        ["Transferred"] = new("Ауыстырылды", "Переведён(а)", "Transferred"),
        ["Cancelled"] = new("Жойылды", "Отменён", "Cancelled"),
    };

    /// <summary>The state in words; a state this version does not know reads as unknown, never as its code.</summary>
    public static Words Name(string state) => Names.GetValueOrDefault(state) ?? new("Белгісіз күй", "Неизвестное состояние", "Unknown state");
}
