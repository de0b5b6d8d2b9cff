using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Domain.Devices;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Server.Tests;

/// <summary>SQLite's group commit on a real database file: many commands, one commit, each refusal its own.</summary>
public sealed class GroupCommitTests : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "oa-group-" + Guid.NewGuid().ToString("N"));
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_data);
        _services = new ServiceCollection().AddFrontOfficeDb(_data).BuildServiceProvider();
        await using var scope = _services.CreateAsyncScope();
        await PersistenceSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<FrontOfficeDb>(), CancellationToken.None);
    }

    /// <summary>Enrols a device named <paramref name="name"/> in a command of its own, each with its own context as a request has.</summary>
    private async Task<string> EnrolAsync(string name, TimeSpan hold = default, bool refuse = false)
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FrontOfficeDb>();
        return await Transactions.RunAsync(db, async ct =>
        {
            db.Devices.Add(Device.Enrol(DeviceKind.Kiosk, name, DateTime.UtcNow).Device);
            await db.SaveChangesAsync(ct); // written inside the batch, so a refusal has something to undo
            await Task.Delay(hold, ct);
            return refuse ? throw ProblemException.Conflict(ProblemTypes.ServiceClosed, "refused on purpose") : name;
        }, CancellationToken.None);
    }

    [Fact]
    public async Task Commands_that_wait_together_commit_together_and_a_refused_one_alone_is_rolled_back()
    {
        var writer = _services.GetRequiredService<GroupCommit>();
        var before = writer.Committed;

        // The first holds the write slot a moment; the twelve behind it queue meanwhile and share the next commit.
        var first = EnrolAsync("first", hold: TimeSpan.FromMilliseconds(300));
        await Task.Delay(50);
        var rest = Enumerable.Range(0, 12).Select(i => EnrolAsync($"kiosk-{i}", refuse: i == 5)).ToList();

        Assert.Equal("first", await first);
        var refusal = await Assert.ThrowsAsync<ProblemException>(() => rest[5]);
        Assert.Equal(ProblemTypes.ServiceClosed, refusal.Type);
        Assert.Equal(11, (await Task.WhenAll(rest.Where((_, i) => i != 5))).Length);

        await using var scope = _services.CreateAsyncScope();
        var names = await scope.ServiceProvider.GetRequiredService<FrontOfficeDb>().Devices.Select(d => d.Name).ToListAsync();
        Assert.Equal(12, names.Count);
        Assert.DoesNotContain("kiosk-5", names);
        var (batches, commands) = (writer.Committed.Batches - before.Batches, writer.Committed.Commands - before.Commands);
        Assert.Equal(12, commands);
        Assert.True(batches <= 2, $"{commands} commands in {batches} commits");
    }

    [Fact]
    public async Task A_command_whose_caller_gave_up_before_its_turn_writes_nothing_and_holds_no_one_up()
    {
        var first = EnrolAsync("first", hold: TimeSpan.FromMilliseconds(300));
        await Task.Delay(50);
        await using (var scope = _services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FrontOfficeDb>();
            using var giveUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Transactions.RunAsync(db, ct =>
            {
                db.Devices.Add(Device.Enrol(DeviceKind.Kiosk, "gave-up", DateTime.UtcNow).Device);
                return Task.FromResult(true);
            }, giveUp.Token));
        }

        var after = EnrolAsync("after");
        Assert.Equal(["first", "after"], await Task.WhenAll(first, after));
        await using var read = _services.CreateAsyncScope();
        Assert.Equal(["after", "first"], await read.ServiceProvider.GetRequiredService<FrontOfficeDb>().Devices.Select(d => d.Name).Order().ToListAsync());
    }

    [Fact]
    public async Task Commands_hear_at_once_when_the_writer_cannot_open_the_database()
    {
        await using var broken = new GroupCommit($"Data Source={Path.Combine(_data, "missing", "frontoffice.db")};Mode=ReadWrite");
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FrontOfficeDb>();

        var failing = broken.RunAsync(db, _ => Task.FromResult(1), CancellationToken.None);

        await Assert.ThrowsAsync<SqliteException>(() => failing.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }
}
