using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Application.Tickets;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Domain.Calendar;
using OpenAlmaty.FrontOffice.Domain.Queue;
using OpenAlmaty.FrontOffice.Domain.Tickets;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Reports;

/// <summary>
/// The figures of a period, computed from the tickets and their calls (see <see cref="ServiceReportDto"/>
/// for what each one means). A period is at most a year: longer ones are refused, not truncated.
/// </summary>
public sealed class BuildServiceReport(FrontOfficeDb db)
{
    public const int MaxDays = 366;
    public const int DefaultKskThreshold = 10;
    public const int MaxComments = 50;

    public async Task<ServiceReportDto> HandleAsync(DateOnly from, DateOnly to, int? kskThreshold, CancellationToken ct)
    {
        if (to < from)
        {
            throw ProblemException.Invalid(ProblemTypes.InvalidPeriod, "The period ends before it starts.");
        }

        if (to.DayNumber - from.DayNumber + 1 > MaxDays)
        {
            throw ProblemException.Invalid(ProblemTypes.InvalidPeriod, $"A report covers at most {MaxDays} days.");
        }

        var threshold = kskThreshold ?? DefaultKskThreshold;
        if (threshold is < 1 or > 10_000)
        {
            throw ProblemException.Invalid(ProblemTypes.ValidationFailed, "The KSK threshold is 1 to 10000.");
        }

        // A year is some 750,000 tickets: they are streamed as narrow rows of the columns the figures
        // use (no notes, no call reasons, no tracking), in the order the figures need, sorted by SQLite.
        var period = db.Tickets.Where(t => t.ServiceDay >= from && t.ServiceDay <= to && !t.IsTraining);
        var tickets = new List<TicketRow>();
        await foreach (var t in period.Select(t => new TicketRow(t.Id, t.IssuedServiceId, t.ServiceId, t.State, t.IssuedAt, t.ServiceDay,
                           t.PromisedWaitBasis, t.PromisedWaitToMinutes, t.Rating, t.RatingComment, t.RatedAt, t.Topic, t.KskName))
                           .AsAsyncEnumerable().WithCancellation(ct))
        {
            tickets.Add(t);
        }

        // A year's calls name a few dozen officers and rules: one string each, not one per row.
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        string? Once(string? value) => value is null ? null : names.TryGetValue(value, out var kept) ? kept : names[value] = value;
        var calls = new List<CallRow>();
        await foreach (var c in db.TicketCalls.Join(period, c => c.TicketId, t => t.Id, (c, t) => c)
                           .OrderBy(c => c.CalledAt).ThenBy(c => c.Id)
                           .Select(c => new CallRow(c.Id, c.TicketId, c.ServiceId, c.OfficerId, c.CalledAt, c.ServingStartedAt, c.EndedAt, c.Outcome, c.Rule))
                           .AsAsyncEnumerable().WithCancellation(ct))
        {
            calls.Add(c with { OfficerId = Once(c.OfficerId), Rule = Once(c.Rule)! });
        }

        var services = await db.Services.AsNoTracking().Include(s => s.Agency).OrderBy(s => s.Agency!.SortOrder).ThenBy(s => s.Id).ToListAsync(ct);
        var users = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.UserName ?? u.Id, ct);

        var firstCall = calls.GroupBy(c => c.TicketId).ToDictionary(g => g.Key, g => g.First());
        var waits = tickets.Where(t => firstCall.ContainsKey(t.Id))
            .Select(t => (Ticket: t, Call: firstCall[t.Id], Minutes: WaitMinutes(t.IssuedAt, firstCall[t.Id].CalledAt))).ToList();
        var completed = calls.Where(c => c.Outcome == CallOutcome.Completed && c.EndedAt is not null)
            .Select(c => (Call: c, Minutes: ServiceMinutes(c.CalledAt, c.ServingStartedAt, c.EndedAt!.Value))).ToList();

        // Grouped once: every figure below reads its service's group, not the whole period again.
        var issuedFor = tickets.ToLookup(t => t.IssuedServiceId);
        var endedIn = tickets.ToLookup(t => t.ServiceId);
        var callsAt = calls.ToLookup(c => c.ServiceId);
        var waitsAt = waits.ToLookup(x => x.Call.ServiceId);
        var servedAt = completed.ToLookup(x => x.Call.ServiceId);

        var serviceRows = services.Where(s => s.RetiredAt is null || issuedFor.Contains(s.Id) || endedIn.Contains(s.Id) || callsAt.Contains(s.Id))
            .Select(s =>
            {
                var w = waitsAt[s.Id].ToList();
                var served = servedAt[s.Id].ToList();
                var rated = endedIn[s.Id].Where(t => t.Rating is not null).ToList();
                return new ServiceFiguresDto(s.Id, s.AgencyId, s.Code, s.NameKk, s.NameRu,
                    issuedFor[s.Id].Count(), w.Count, served.Count,
                    endedIn[s.Id].Count(t => t.State == TicketState.NoShow),
                    callsAt[s.Id].Count(c => c.Outcome == CallOutcome.Transferred),
                    callsAt[s.Id].Count(c => c.Rule == CallRules.ChosenByOfficer),
                    Percentile(w.Select(x => x.Minutes), 0.5), Percentile(w.Select(x => x.Minutes), 0.9),
                    Percentile(served.Select(x => x.Minutes), 0.5), Percentile(served.Select(x => x.Minutes), 0.9),
                    w.Count(x => x.Ticket.PromisedWaitBasis != WaitBasis.NoDeskServing && x.Minutes > x.Ticket.PromisedWaitToMinutes),
                    rated.Count, rated.Count == 0 ? null : Math.Round(rated.Average(t => t.Rating!.Value), 2));
            }).ToList();

        var agencyRows = services.GroupBy(s => s.AgencyId).Select(g =>
        {
            var w = g.SelectMany(s => waitsAt[s.Id]).ToList();
            var agency = g.First().Agency!;
            return new AgencyFiguresDto(agency.Id, agency.NameKk, agency.NameRu,
                g.Sum(s => issuedFor[s.Id].Count()), g.Sum(s => servedAt[s.Id].Count()),
                g.Sum(s => endedIn[s.Id].Count(t => t.State == TicketState.NoShow)),
                Percentile(w.Select(x => x.Minutes), 0.5), Percentile(w.Select(x => x.Minutes), 0.9), w.Count(x => x.Ticket.PromisedWaitBasis != WaitBasis.NoDeskServing && x.Minutes > x.Ticket.PromisedWaitToMinutes));
        }).Where(a => a.Issued > 0 || a.Served > 0).ToList();

        var servedBy = completed.ToLookup(x => x.Call.OfficerId);
        var officers = calls.Where(c => c.OfficerId is not null).GroupBy(c => c.OfficerId!).Select(g =>
        {
            var served = servedBy[g.Key].ToList();
            var idle = g.GroupBy(c => AlmatyClock.ServiceDay(c.CalledAt)).Sum(day => day.Zip(day.Skip(1))
                .Where(p => p.First.EndedAt is { } end && p.Second.CalledAt > end)
                .Sum(p => (p.Second.CalledAt - p.First.EndedAt!.Value).TotalMinutes));
            return new OfficerFiguresDto(users.GetValueOrDefault(g.Key) ?? g.Key, served.Count,
                served.Count == 0 ? null : Math.Round(served.Average(x => x.Minutes), 1), Math.Round(idle, 1));
        }).OrderBy(o => o.UserName, StringComparer.Ordinal).ToList();

        var byHour = new int[24];
        foreach (var t in tickets)
        {
            byHour[AlmatyClock.ToLocal(t.IssuedAt).Hour]++;
        }

        var done = tickets.Where(t => t.State == TicketState.Completed).ToList();
        var topics = Complete.Topics.Select(p => new TopicCountDto(p.Key, done.Count(t => t.Topic == p.Value))).ToList();
        var ksk = done.Where(t => t.Topic == VisitTopic.Housing && !string.IsNullOrWhiteSpace(t.KskName))
            .GroupBy(t => KskKey(t.KskName!))
            .Select(g => new KskSignalDto(g.GroupBy(t => t.KskName!.Trim()).OrderByDescending(n => n.Count()).ThenBy(n => n.Key, StringComparer.Ordinal).First().Key,
                g.Count(), g.Select(t => t.ServiceDay).Distinct().Order().ToList()))
            .Where(k => k.Visits >= threshold).OrderByDescending(k => k.Visits).ThenBy(k => k.Ksk, StringComparer.Ordinal).ToList();
        var ratings = tickets.Where(t => t.Rating is not null).ToList();

        return new ServiceReportDto(from, to, agencyRows, serviceRows, officers, byHour, topics, threshold, ksk,
            new RatingFiguresDto(ratings.Count, ratings.Count == 0 ? null : Math.Round(ratings.Average(t => t.Rating!.Value), 2)),
            ratings.Where(t => t.RatingComment is not null).OrderByDescending(t => t.RatedAt).Take(MaxComments)
                .Select(t => new VisitorCommentDto(t.ServiceDay, t.ServiceId, t.Rating!.Value, t.RatingComment!)).ToList());
    }

    private sealed record TicketRow(Guid Id, int IssuedServiceId, int ServiceId, TicketState State, DateTime IssuedAt, DateOnly ServiceDay,
        WaitBasis PromisedWaitBasis, int PromisedWaitToMinutes, int? Rating, string? RatingComment, DateTime? RatedAt, VisitTopic? Topic, string? KskName);

    private sealed record CallRow(long Id, Guid TicketId, int ServiceId, string? OfficerId, DateTime CalledAt, DateTime? ServingStartedAt,
        DateTime? EndedAt, CallOutcome? Outcome, string Rule);

    /// <summary>"КСК «Алатау»", "кск Алатау" and "ПИК Алатау" are one KSK to the housing inspection.</summary>
    public static string KskKey(string name) =>
        new string(name.ToUpperInvariant().Where(char.IsLetterOrDigit).ToArray()).Replace("КСК", "", StringComparison.Ordinal).Replace("ПИК", "", StringComparison.Ordinal);

    /// <summary>A visit's service time, the one measure of it: from the start of serving (the call, when serving
    /// was never marked) to the end of the call.</summary>
    public static double ServiceMinutes(DateTime calledAt, DateTime? servingStartedAt, DateTime endedAt) => Minutes(endedAt - (servingStartedAt ?? calledAt));

    /// <summary>A visitor's wait, ended by a call: from taking the ticket to that call.</summary>
    public static double WaitMinutes(DateTime issuedAt, DateTime calledAt) => Minutes(calledAt - issuedAt);

    private static double Minutes(TimeSpan span) => Math.Round(span.TotalMinutes, 1);

    /// <summary>Nearest rank: the smallest value with at least p of the values at or below it.</summary>
    public static double? Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? null : sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }
}
