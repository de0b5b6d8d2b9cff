using System.Runtime.CompilerServices;
using Bunit;

namespace OpenAlmaty.FrontOffice.Components.Tests;

/// <summary>
/// The whole suite runs five test projects at once on two cores, with Chromium and child servers
/// beside these tests; bunit's one-second wait is too short there, so a late render is not a failure.
/// </summary>
internal static class PatientWaits
{
    [ModuleInitializer]
    internal static void Lengthen() => BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(15);
}
