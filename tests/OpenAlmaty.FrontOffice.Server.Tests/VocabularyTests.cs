using System.Reflection;
using OpenAlmaty.FrontOffice.Application.Desks;
using OpenAlmaty.FrontOffice.Application.Tickets;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Domain.Queue;
using OpenAlmaty.FrontOffice.Domain.Tickets;

namespace OpenAlmaty.FrontOffice.Server.Tests;

/// <summary>Topics, outcomes, call rules, policy names and the office's time zone are said once and read everywhere.</summary>
public sealed class VocabularyTests
{
    [Fact]
    public void Every_topic_and_outcome_of_the_domain_has_one_code_and_a_name_in_kazakh_russian_and_english()
    {
        Assert.Equal(VisitTopics.All.Select(t => t.Code), Complete.Topics.Keys);
        Assert.Equal(Enum.GetValues<VisitTopic>().Order(), Complete.Topics.Values.Order());
        Assert.Equal(VisitOutcomes.All.Select(t => t.Code), Complete.Outcomes.Keys);
        Assert.Equal(Enum.GetValues<VisitOutcome>().Order(), Complete.Outcomes.Values.Order());
        Assert.Equal(VisitOutcome.AppealRegistered, Complete.Outcomes["appeal-registered"]);

        foreach (var term in VisitTopics.All.Concat(VisitOutcomes.All))
        {
            Assert.All(new[] { term.Name.Kk, term.Name.Ru, term.Name.En, term.ForVisitors.Kk, term.ForVisitors.Ru, term.ForVisitors.En },
                w => Assert.False(string.IsNullOrWhiteSpace(w), term.Code));
        }
    }

    [Fact]
    public void Every_call_rule_is_named_for_the_officer()
    {
        var rules = typeof(CallRules).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).Order();

        Assert.Equal(rules, CallRuleNames.All.Keys.Order());
    }

    [Theory]
    [InlineData("FindSystemTimeZoneById", 1)]
    [InlineData("\"Asia/Almaty\"", 1)]
    [InlineData("\"landscaping\"", 1)]
    [InlineData("\"appeal-registered\"", 1)]
    [InlineData("Policy = \"", 0)]
    public void A_rule_of_the_vocabulary_is_written_in_one_place_of_the_source(string text, int places)
    {
        var found = SourceTree.FilesContaining(text);

        Assert.True(found.Count == places, $"{text} in {found.Count} files, expected {places}: {string.Join(", ", found)}");
    }
}

/// <summary>The product's own source (src, kiosk, displays; no build output, no generated migrations), for rules about where a thing is written.</summary>
public static class SourceTree
{
    public static List<string> FilesContaining(string text)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root.GetFiles("OpenAlmaty.FrontOffice.sln").Length == 0)
        {
            root = root.Parent ?? throw new InvalidOperationException("The solution folder is above the tests.");
        }

        var skipped = new[] { "obj", "bin", "Migrations" }.Select(d => $"{Path.DirectorySeparatorChar}{d}{Path.DirectorySeparatorChar}").ToArray();
        return new[] { "src", "kiosk", "displays" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(root.FullName, d), "*.*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !skipped.Any(s => f.Contains(s, StringComparison.Ordinal)))
            .Where(f => File.ReadAllText(f).Contains(text, StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(root.FullName, f).Replace(Path.DirectorySeparatorChar, '/')).Order().ToList();
    }
}
