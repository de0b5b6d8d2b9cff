using Microsoft.AspNetCore.Components;
using OpenAlmaty.FrontOffice.Server.Components.Staff;

namespace OpenAlmaty.FrontOffice.Server.Components.Desk.Parts;

/// <summary>
/// One part of the officer console. The console page holds what the desk shows and what the officer
/// has typed, and runs every action; a part says its piece in the staff language and raises what
/// the officer did, so the page stays the one place that acts.
/// </summary>
public abstract class ConsolePart : ComponentBase
{
    [Inject] protected StaffLanguage L { get; set; } = null!;

    protected string Minutes(TimeSpan span) => $"{Math.Max(0, (int)span.TotalMinutes)} {L.T("мин", "мин")}";

    protected string PriorityText(string priority) => priority switch
    {
        "Elderly" => L.T("егде жастағы", "пожилой"),
        "Disabled" => L.T("мүмкіндігі шектеулі", "с инвалидностью"),
        "Pregnant" => L.T("жүкті", "беременная"),
        _ => priority,
    };
}
