using Microsoft.AspNetCore.Components;
using OpenAlmaty.FrontOffice.Contracts;

namespace OpenAlmaty.FrontOffice.Kiosk.Components.Steps;

/// <summary>
/// One screen of the kiosk. The kiosk owns the visitor's language (the switch is above every
/// screen) and passes it down, so a screen says every word in it.
/// </summary>
public abstract class KioskStep : ComponentBase
{
    [Parameter, EditorRequired] public VisitorLanguage Language { get; set; }

    protected string T(string key) => KioskTexts.Get(key, Language);

    protected string Name(string kk, string ru, string en) => KioskTexts.Name(Language, kk, ru, en);
}
