using OpenAlmaty.FrontOffice.Displays;

namespace OpenAlmaty.FrontOffice.Components.Tests.Displays;

public class AnnouncementTests
{
    [Theory]
    [InlineData("kk", "A-015", "7", "talon letter-a n-15 o-7 window")]
    [InlineData("ru", "A-015", "7", "talon letter-a n-15 window n-7")]
    [InlineData("kk", "AT-120", "17", "talon letter-a letter-t n-100 n-20 n-10 o-7 window")]
    [InlineData("ru", "AT-120", "17", "talon letter-a letter-t n-100 n-20 window n-17")]
    [InlineData("kk", "ZH-999", "30", "talon letter-z letter-h n-900 n-90 n-9 o-30 window")]
    [InlineData("ru", "M-001", "21", "talon letter-m n-1 window n-20 n-1")]
    public void A_call_is_read_as_words_of_the_phrase_pack(string language, string ticket, string desk, string words)
    {
        Assert.Equal(words, string.Join(' ', Announcement.Words(language, ticket, desk)));
    }

    [Fact]
    public void Every_clip_any_call_can_need_ships_in_the_default_pack()
    {
        var pack = Path.Combine(Root(), "displays", "OpenAlmaty.FrontOffice.Displays", "wwwroot");
        var needed = new HashSet<string>();
        foreach (var prefix in "ABCDEFGHIJKLMNOPQRSTUVWXYZ".Select(c => c.ToString()).Append("ZH"))
        {
            for (var number = 1; number <= 999; number++)
            {
                for (var desk = 1 + number % 3; desk <= 99; desk += 3)
                {
                    var speech = Announcement.For($"{prefix}-{number:000}", desk.ToString(System.Globalization.CultureInfo.InvariantCulture), "voice");
                    needed.UnionWith([speech.Chime!, .. speech.Full, .. speech.Brief, .. speech.Numbers]);
                }
            }
        }

        needed.UnionWith(Announcement.TestWords);
        Assert.True(needed.Count > 100, "the calls above need well over a hundred distinct clips");
        Assert.Empty(needed.Where(clip => !File.Exists(pack + clip)).Order());
    }

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "OpenAlmaty.FrontOffice.sln")))
        {
            dir = dir.Parent;
        }

        return dir.FullName;
    }
}
