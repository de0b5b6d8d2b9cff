namespace OpenAlmaty.FrontOffice.Server.Tests;

/// <summary>One way to commit: a transaction is begun and committed in Transactions.RunAsync (and the SQLite group commit it uses) and nowhere else.</summary>
public sealed class WritePathTests
{
    [Theory]
    [InlineData("BeginTransaction")]
    [InlineData(".CommitAsync(")]
    public void Only_the_one_transaction_helper_begins_or_commits(string text)
    {
        var found = SourceTree.FilesContaining(text);

        Assert.Equal(["src/OpenAlmaty.FrontOffice.Application/Common/Transactions.cs", "src/OpenAlmaty.FrontOffice.Persistence/GroupCommit.cs"], found);
    }
}
