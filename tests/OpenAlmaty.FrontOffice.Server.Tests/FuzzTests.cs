using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OpenAlmaty.FrontOffice.Contracts;

namespace OpenAlmaty.FrontOffice.Server.Tests;

/// <summary>
/// Reads the running server's own OpenAPI document and drives every operation in it with generated
/// bad input — wrong types, missing and null fields, huge and odd strings, bad GUIDs and numbers,
/// broken JSON, charsets and content types nobody should send — as the caller each operation is for
/// (so the input reaches the handler) and now and then as someone else. A few thousand requests,
/// bounded in time; any 5xx, a stack trace in an answer or in the server's log fails it.
/// </summary>
public sealed partial class FuzzTests : IAsyncLifetime
{
    /// <summary>Fixed, so a failure repeats; change it to explore further.</summary>
    private const int Seed = 20261216;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(60);
    private const int MinimumRequests = 2000;

    private readonly string _data = Path.Combine(Path.GetTempPath(), "oa-fuzz-" + Guid.NewGuid().ToString("N"));
    private readonly Dictionary<Who, Action<HttpRequestMessage>> _credentials = [];
    private ServerProcess _server = null!;
    private HttpClient _http = null!;
    private Known _known = null!;

    private enum Who { Anonymous, Admin, Officer, Kiosk }

    /// <summary>Real ids, so that well-formed parts of a request get past the lookups to the part that is wrong.</summary>
    private sealed record Known(Guid TicketId, string PublicId, Guid DeviceId, Guid SessionId, int ServiceId, int DeskId, int AgencyId);

    private sealed record Parameter(string Name, string In, JsonObject Schema);

    private sealed record Operation(string Method, string Template, IReadOnlyList<Parameter> Parameters, JsonObject? Body)
    {
        public override string ToString() => $"{Method} {Template}";
    }

    private sealed record Case(Operation Operation, Who Who, string Path, IReadOnlyList<(string Name, string Value)> Headers, byte[]? Body, string? ContentType, string What);

    public async Task InitializeAsync()
    {
        _server = await ServerProcess.StartAsync(_data);
        // Header values go out as UTF-8: an odd key must reach the server, which refuses it, not stop in the client.
        _http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, RequestHeaderEncodingSelector = (_, _) => Encoding.UTF8 })
        {
            BaseAddress = _server.Address,
            Timeout = TimeSpan.FromSeconds(20),
        };
        var admin = await SignInAsync("admin", ServerProcess.AdminPassword);
        _credentials[Who.Anonymous] = _ => { };
        _credentials[Who.Admin] = r => Cookie(r, admin);

        var roster = (await SendAsync<RosterDto>(Who.Admin, HttpMethod.Get, "/api/roster"))!;
        var service = roster.Agencies.SelectMany(a => a.Services).Single(s => s.Code == "energy");
        var desk = roster.Desks.First(d => d.ServiceIds.Contains(service.Id));
        var kiosk = (await SendAsync<EnrolledDeviceDto>(Who.Admin, HttpMethod.Post, "/api/admin/devices", new EnrolDeviceRequest(DeviceKindDto.Kiosk, "Fuzz kiosk")))!;
        _credentials[Who.Kiosk] = r => r.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", kiosk.Token);
        // The device paths of the document get this one: the kiosk that sends requests must stay enrolled.
        var target = (await SendAsync<EnrolledDeviceDto>(Who.Admin, HttpMethod.Post, "/api/admin/devices", new EnrolDeviceRequest(DeviceKindDto.Kiosk, "Fuzz target")))!;
        await SendAsync<CreatedOfficerDto>(Who.Admin, HttpMethod.Post, "/api/admin/officers", new CreateOfficerRequest("fuzz-officer", "Sairan-lake-2026", [desk.Id]));
        var officer = await SignInAsync("fuzz-officer", "Sairan-lake-2026");
        _credentials[Who.Officer] = r => Cookie(r, officer);
        await SendAsync<DeskDto>(Who.Officer, HttpMethod.Post, $"/api/desks/{desk.Id}/open", new { });

        using var issue = new HttpRequestMessage(HttpMethod.Post, "/api/tickets") { Content = JsonContent.Create(new IssueTicketRequest(service.Id)) };
        issue.Headers.Add(FrontOfficeRoutes.IdempotencyKeyHeader, "fuzz-first-ticket");
        _credentials[Who.Kiosk](issue);
        var ticket = (await (await _http.SendAsync(issue)).Content.ReadFromJsonAsync<TicketDto>())!;
        // A reception session on the next working day, for the operations that take one.
        ReceptionSessionDto? session = null;
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(5)).AddDays(1);
        for (var day = tomorrow; session is null && day < tomorrow.AddDays(30); day = day.AddDays(1))
        {
            using var create = new HttpRequestMessage(HttpMethod.Post, "/api/receptions/sessions")
            {
                Content = JsonContent.Create(new CreateSessionRequest("Фаззер Тест", null, day, "10:00", "12:00", 20, 2, roster.Desks.First(d => d.ServiceIds.Count > 0).Id)),
            };
            _credentials[Who.Admin](create);
            using var created = await _http.SendAsync(create);
            session = created.IsSuccessStatusCode ? await created.Content.ReadFromJsonAsync<ReceptionSessionDto>() : null;
        }

        Assert.NotNull(session);
        _known = new Known(ticket.Id, ticket.PublicId, target.Id, session.Id, service.Id, desk.Id,
            roster.Agencies.Single(a => a.Services.Any(s => s.Id == service.Id)).Id);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task Every_operation_answers_bad_input_with_a_4xx_and_never_a_stack_trace()
    {
        var document = JsonNode.Parse(await _http.GetStringAsync(new Uri(FrontOfficeRoutes.OpenApi, UriKind.Relative)))!.AsObject();
        var operations = Operations(document).ToList();
        Assert.True(operations.Count > 50, $"only {operations.Count} operations in the document");

        // Interleaved, so that whatever the budget allows covers every operation evenly.
        var perOperation = operations.Select((o, i) => CasesFor(o, document, new Random(Seed + i)).ToList()).ToList();
        var cases = Enumerable.Range(0, perOperation.Max(c => c.Count))
            .SelectMany(i => perOperation.Where(c => i < c.Count).Select(c => c[i])).ToList();

        var failures = new List<string>();
        var sent = new Dictionary<string, int>();
        var spent = new Dictionary<string, TimeSpan>();
        var clock = Stopwatch.StartNew();
        foreach (var c in cases)
        {
            if (clock.Elapsed > Budget)
            {
                break;
            }

            sent[c.Operation.ToString()] = sent.GetValueOrDefault(c.Operation.ToString()) + 1;
            var started = clock.Elapsed;
            var (status, body) = await SendAsync(c);
            spent[c.Operation.ToString()] = spent.GetValueOrDefault(c.Operation.ToString()) + (clock.Elapsed - started);
            if (status is null or >= 500 || StackTrace().IsMatch(body))
            {
                failures.Add($"{c.Operation} as {c.Who} [{c.What}] {c.Path} {c.ContentType}: {status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no answer"} {body[..Math.Min(body.Length, 200)]}");
            }
        }

        var total = sent.Values.Sum();
        // The whole list beside the test's output, for whoever mends what it found.
        await File.WriteAllLinesAsync(Path.Combine(AppContext.BaseDirectory, "fuzz-report.txt"),
            [$"{total} requests, {cases.Count} cases, {clock.Elapsed}", .. failures,
             .. spent.OrderByDescending(s => s.Value).Take(15).Select(s => $"slow: {s.Key} {sent[s.Key]} requests {s.Value.TotalSeconds:F1} s"),
             .. _server.Output.Where(l => l.StartsWith("fail:", StringComparison.Ordinal) || l.Contains("Exception", StringComparison.Ordinal)).Distinct().Take(200)]);
        var log = _server.Output.Where(l => l.Contains("   at ", StringComparison.Ordinal) || l.StartsWith("fail:", StringComparison.Ordinal)).Take(20).ToList();
        Assert.True(failures.Count == 0, $"{failures.Count} of {total} requests failed (all in fuzz-report.txt):{Environment.NewLine}" + string.Join(Environment.NewLine, failures.Take(40)));
        Assert.True(log.Count == 0, "the server's log holds errors:" + Environment.NewLine + string.Join(Environment.NewLine, log));
        Assert.True(total >= Math.Min(MinimumRequests, cases.Count), $"only {total} of {cases.Count} requests in {Budget}");
        Assert.All(operations, o => Assert.True(sent.GetValueOrDefault(o.ToString()) >= 10, $"{o}: {sent.GetValueOrDefault(o.ToString())} requests"));
    }

    [GeneratedRegex(@"   at |--- End of|\bSystem\.[A-Za-z.]+Exception\b")]
    private static partial Regex StackTrace();

    private static IEnumerable<Operation> Operations(JsonObject document)
    {
        foreach (var (template, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, node) in item!.AsObject())
            {
                var operation = node!.AsObject();
                var parameters = (operation["parameters"]?.AsArray() ?? []).Select(p => p!.AsObject())
                    .Select(p => new Parameter(p["name"]!.GetValue<string>(), p["in"]!.GetValue<string>(), p["schema"]?.AsObject() ?? []))
                    .ToList();
                var body = operation["requestBody"]?["content"]?["application/json"]?["schema"]?.AsObject();
                yield return new Operation(method.ToUpperInvariant(), template, parameters, body);
            }
        }
    }

    /// <summary>Who each operation is for: its input then reaches the handler rather than stopping at the policy.</summary>
    private static Who CallerFor(Operation o) => o.Template switch
    {
        "/api/tickets" or "/api/receptions/check-in" or "/api/roster" or "/api/snapshot" => Who.Kiosk,
        var t when t.StartsWith("/api/desks/", StringComparison.Ordinal) => Who.Officer,
        var t when t.StartsWith("/api/tickets/{id}/", StringComparison.Ordinal) && !t.EndsWith("reprint", StringComparison.Ordinal) && !t.EndsWith(".pdf", StringComparison.Ordinal) => Who.Officer,
        var t when t.StartsWith("/api/public/", StringComparison.Ordinal) || t.StartsWith("/api/auth/", StringComparison.Ordinal) => Who.Anonymous,
        _ => Who.Admin,
    };

    private IEnumerable<Case> CasesFor(Operation o, JsonObject document, Random random)
    {
        var who = CallerFor(o);
        // Signing out as the fuzzer would end its own session: that one is tried by nobody.
        if (o.Template == "/api/auth/logout")
        {
            who = Who.Anonymous;
        }

        var pathParameters = o.Parameters.Where(p => p.In == "path").ToList();
        var queryParameters = o.Parameters.Where(p => p.In == "query").ToList();
        var good = o.Body is null ? null : Good(o.Body, document, null, 0);
        var goodBytes = good is null ? null : Encoding.UTF8.GetBytes(good.ToJsonString());

        Case Make(string what, string? path = null, IReadOnlyList<(string, string)>? headers = null, byte[]? body = null, string? contentType = "application/json", Who? caller = null) =>
            new(o, caller ?? who, path ?? GoodPath(o, pathParameters, queryParameters), headers ?? [(FrontOfficeRoutes.IdempotencyKeyHeader, Guid.NewGuid().ToString())],
                body ?? goodBytes, (body ?? goodBytes) is null ? null : contentType, what);

        yield return Make("well-formed");

        // Every path parameter wrong, one at a time.
        foreach (var p in pathParameters)
        {
            foreach (var value in BadValues(p.Schema, document, random).Take(6))
            {
                yield return Make($"path {p.Name}", path: GoodPath(o, pathParameters, queryParameters, (p.Name, value)));
            }
        }

        // Every query parameter wrong, one at a time.
        foreach (var p in queryParameters)
        {
            foreach (var value in BadValues(p.Schema, document, random).Take(6))
            {
                yield return Make($"query {p.Name}", path: GoodPath(o, pathParameters, queryParameters, badQuery: (p.Name, value)));
            }
        }

        // The idempotency key missing, empty, too long, odd.
        foreach (var key in new[] { null, "", " ", new string('k', 101), new string('k', 5000), "ключ-🙂" })
        {
            yield return Make("idempotency key", headers: key is null ? [] : [(FrontOfficeRoutes.IdempotencyKeyHeader, key)]);
        }

        // Bodies that are not what the operation reads (also on those that read none).
        foreach (var (what, bytes) in RawBodies(goodBytes))
        {
            yield return Make(what, body: bytes);
        }

        // Charsets and content types nobody should send.
        foreach (var type in ContentTypes)
        {
            yield return Make($"content type {type}", body: goodBytes ?? "{}"u8.ToArray(), contentType: type);
        }

        if (good is JsonObject fields)
        {
            foreach (var mutated in Mutations(fields, o.Body!, document, random))
            {
                yield return Make(mutated.What, body: Encoding.UTF8.GetBytes(mutated.Body.ToJsonString()));
            }
        }

        // The same requests from callers the operation is not for.
        foreach (var other in new[] { Who.Anonymous, Who.Kiosk, Who.Officer, Who.Admin }.Where(w => w != who && o.Template != "/api/auth/logout"))
        {
            yield return Make("as another caller", caller: other);
            yield return Make("as another caller, ebcdic", caller: other, contentType: "application/json; charset=ebcdic", body: goodBytes ?? "{}"u8.ToArray());
        }
    }

    private static readonly string[] ContentTypes =
    [
        "application/json; charset=ebcdic", "application/json; charset=utf-16", "application/json; charset=utf-32", "application/json; charset=",
        "application/json; charset=\"utf-8\"", "application/json; charset=x-🙂", "application/json;;;", "application/json; boundary=--",
        "text/plain", "text/plain; charset=ebcdic", "application/x-www-form-urlencoded", "application/x-www-form-urlencoded; charset=ebcdic",
        "multipart/form-data; boundary=xyz", "multipart/form-data", "application/xml", "application/problem+json", "*/*", "json", "",
    ];

    private static IEnumerable<(string What, byte[] Body)> RawBodies(byte[]? good)
    {
        yield return ("empty body", []);
        yield return ("null", "null"u8.ToArray());
        yield return ("an array", "[]"u8.ToArray());
        yield return ("a string", "\"x\""u8.ToArray());
        yield return ("a number", "12345678901234567890"u8.ToArray());
        yield return ("cut JSON", "{\"a\":"u8.ToArray());
        yield return ("cut JSON", "{"u8.ToArray());
        yield return ("not JSON", "<xml/>"u8.ToArray());
        yield return ("invalid UTF-8", [0x7B, 0x22, 0xC3, 0x28, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D]);
        yield return ("deep nesting", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 500)) + "1" + new string('}', 500)));
        yield return ("deep arrays", Encoding.UTF8.GetBytes(new string('[', 5000) + new string(']', 5000)));
        yield return ("duplicate keys", "{\"a\":1,\"a\":2}"u8.ToArray());
        yield return ("huge number", "{\"x\":1e999}"u8.ToArray());
        yield return ("over the size limit", Encoding.UTF8.GetBytes("{\"x\":\"" + new string('x', 70_000) + "\"}"));
        if (good is not null)
        {
            yield return ("byte order mark", [0xEF, 0xBB, 0xBF, .. good]);
            yield return ("trailing garbage", [.. good, .. "}}]]"u8.ToArray()]);
            yield return ("NUL bytes", [.. good[..^1], 0x00, 0x00, .. good[^1..]]);
        }
    }

    private static IEnumerable<(string What, JsonObject Body)> Mutations(JsonObject good, JsonObject schema, JsonObject document, Random random)
    {
        var properties = Resolve(schema, document)["properties"]?.AsObject() ?? [];
        foreach (var (name, propertySchema) in properties)
        {
            yield return ($"{name} missing", With(good, b => b.Remove(name)));
            yield return ($"{name} null", With(good, b => b[name] = null));
            yield return ($"{name} of the wrong type", With(good, b => b[name] = WrongType(propertySchema!.AsObject(), document)));
            foreach (var value in BadValues(propertySchema!.AsObject(), document, random).Take(3))
            {
                yield return ($"{name} bad", With(good, b => b[name] = JsonValue.Create(value)));
            }

            yield return ($"{name} a number", With(good, b => b[name] = JsonValue.Create(random.Next(2) == 0 ? 2147483648L : -1)));
            yield return ($"{name} huge", With(good, b => b[name] = new string('ж', 25_000)));

            // One level down too: the field of a nested object missing or null.
            if (good[name] is JsonObject nested)
            {
                foreach (var inner in nested.Select(p => p.Key).ToList())
                {
                    yield return ($"{name}.{inner} missing", With(good, b => b[name]!.AsObject().Remove(inner)));
                    yield return ($"{name}.{inner} null", With(good, b => b[name]![inner] = null));
                }
            }
        }

        yield return ("every field null", new JsonObject(properties.Select(p => new KeyValuePair<string, JsonNode?>(p.Key, null))));
        yield return ("an empty object", []);
        yield return ("unknown fields only", new JsonObject { ["zzz"] = 1, ["__proto__"] = new JsonObject() });
    }

    private static JsonObject With(JsonObject good, Action<JsonObject> change)
    {
        var copy = good.DeepClone().AsObject();
        change(copy);
        return copy;
    }

    private static JsonNode WrongType(JsonObject schema, JsonObject document) => Types(Resolve(schema, document)).FirstOrDefault() switch
    {
        "string" => JsonValue.Create(12345),
        "integer" or "number" => JsonValue.Create("not a number"),
        "boolean" => JsonValue.Create("yes"),
        "array" => new JsonObject { ["x"] = 1 },
        "object" => new JsonArray(1, 2, 3),
        _ => new JsonArray(),
    };

    /// <summary>Values a parameter or field of this schema should refuse (or at least survive).</summary>
    private static IEnumerable<string> BadValues(JsonObject schema, JsonObject document, Random random)
    {
        var resolved = Resolve(schema, document);
        var format = resolved["format"]?.GetValue<string>();
        string[] values = (Types(resolved).FirstOrDefault(), format) switch
        {
            (_, "uuid") => ["not-a-guid", "00000000-0000-0000-0000-000000000000", Guid.NewGuid().ToString(), "{}", new string('f', 300), "%00", "' OR 1=1 --"],
            (_, "date") => ["2026-02-30", "2026-13-01", "0001-01-01", "9999-12-31", "yesterday", "", "2026-12-01T10:00:00Z", "-1"],
            ("integer" or "number", _) => ["-1", "0", "2147483648", "-2147483649", "1.5", "1e9", "abc", "", new string('9', 400)],
            ("boolean", _) => ["maybe", "2", "", "TRUE ", "null"],
            _ => ["", " ", "%00", "..%2F..%2F..%2Fetc%2Fpasswd", "🙂🙂", "<script>alert(1)</script>", "' OR 1=1 --", new string('x', 3000), "null", "\\u0000", "%FF%FE"],
        };
        return values.OrderBy(_ => random.Next());
    }

    private static IEnumerable<string> Types(JsonObject schema) => schema["type"] switch
    {
        JsonValue v => [v.GetValue<string>()],
        JsonArray a => a.Select(t => t!.GetValue<string>()).Where(t => t != "null").OrderBy(t => t == "string" ? 1 : 0),
        _ => schema["properties"] is not null ? ["object"] : [],
    };

    private static JsonObject Resolve(JsonObject schema, JsonObject document)
    {
        if (schema["$ref"]?.GetValue<string>() is { } reference)
        {
            return Resolve(document["components"]!["schemas"]![reference.Split('/')[^1]]!.AsObject(), document);
        }

        foreach (var choice in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (schema[choice] is JsonArray options && options.Select(x => x!.AsObject()).FirstOrDefault(x => x["type"]?.ToString() != "null") is { } first)
            {
                return Resolve(first, document);
            }
        }

        return schema;
    }

    /// <summary>A well-formed value for a field, from its schema and name, with real ids where the name says which.</summary>
    private JsonNode? Good(JsonObject schema, JsonObject document, string? name, int depth)
    {
        var resolved = Resolve(schema, document);
        if (resolved["enum"] is JsonArray values && values.Count > 0)
        {
            return JsonValue.Create(values[0]!.ToString());
        }

        var lower = name?.ToLowerInvariant() ?? "";
        switch (Types(resolved).FirstOrDefault())
        {
            case "object" when depth < 4:
                var body = new JsonObject();
                foreach (var (property, propertySchema) in resolved["properties"]?.AsObject() ?? [])
                {
                    body[property] = Good(propertySchema!.AsObject(), document, property, depth + 1);
                }

                return body;
            case "array":
                return new JsonArray(resolved["items"] is JsonObject items ? Good(items, document, name?.TrimEnd('s'), depth + 1) : JsonValue.Create("x"));
            case "integer" or "number":
                return JsonValue.Create(lower switch
                {
                    "serviceid" or "toserviceid" or "serviceids" => _known.ServiceId,
                    "deskid" or "todeskid" or "deskids" => _known.DeskId,
                    "stars" => 5,
                    "days" => 90,
                    "version" => 1,
                    _ => 1,
                });
            case "boolean":
                return JsonValue.Create(false);
            case "string":
                return JsonValue.Create((lower, resolved["format"]?.GetValue<string>()) switch
                {
                    (_, "uuid") when lower.Contains("session", StringComparison.Ordinal) => _known.SessionId.ToString(),
                    (_, "uuid") when lower.Contains("ticket", StringComparison.Ordinal) => _known.TicketId.ToString(),
                    (_, "uuid") => Guid.NewGuid().ToString(),
                    (_, "date") => "2026-12-09",
                    (_, "date-time") => "2026-12-09T05:00:00+00:00",
                    ("username", _) => "fuzz-user-" + Guid.NewGuid().ToString("N")[..6],
                    ("password" or "newpassword" or "currentpassword", _) => "Kaskelen-river-77",
                    ("iin", _) => "900101194588",
                    ("slotstart" or "start", _) => "10:00",
                    ("end", _) => "11:00",
                    ("hours", _) => "Mon-Fri 09:00-18:00",
                    ("ticketprefix", _) => "Q" + (char)('A' + Random.Shared.Next(26)),
                    ("code", _) => "fz" + Guid.NewGuid().ToString("N")[..6],
                    ("phone", _) => "+7 701 000 00 00",
                    ("topic" or "topics", _) => "energy",
                    ("address", _) => "127.0.0.1:9",
                    ("profile", _) => "generic-80",
                    ("layout", _) => "hall",
                    ("sound", _) => "off",
                    ("outcome", _) => "resolved",
                    ("weekday", _) => "Monday",
                    ("dayoff" or "daysoff" or "workingweekend" or "workingweekends" or "todate" or "newdue" or "activefrom", _) => "2026-12-09",
                    _ => "fuzz",
                });
            default:
                return null;
        }
    }

    private string GoodPath(Operation o, List<Parameter> path, List<Parameter> query, (string Name, string Value)? badPath = null, (string Name, string Value)? badQuery = null)
    {
        var url = o.Template;
        foreach (var p in path)
        {
            var value = badPath is { } b && b.Name == p.Name ? b.Value : GoodPathValue(o, p);
            url = url.Replace("{" + p.Name + "}", value.StartsWith('%') ? value : Uri.EscapeDataString(value), StringComparison.Ordinal);
        }

        var parts = query.Select(p => (p.Name, Value: badQuery is { } q && q.Name == p.Name ? q.Value : GoodQueryValue(p.Name)))
            .Select(p => $"{Uri.EscapeDataString(p.Name)}={(p.Value.StartsWith('%') ? p.Value : Uri.EscapeDataString(p.Value))}");
        var joined = string.Join("&", parts);
        return joined.Length == 0 ? url : url + "?" + joined;
    }

    private string GoodPathValue(Operation o, Parameter p)
    {
        // Destructive actions on real records would take the fuzzer's own callers away: those get ids of nothing.
        var destructive = o.Method == "DELETE" || o.Template.EndsWith("/lock", StringComparison.Ordinal) || o.Template.EndsWith("/password", StringComparison.Ordinal);
        var t = o.Template;
        return p.Name switch
        {
            "publicId" => _known.PublicId,
            "code" => "NOSUCH23",
            "deskId" => _known.DeskId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "id" when destructive => t.Contains("/staff/", StringComparison.Ordinal) ? "no-such-account" : t.Contains("/api/admin/", StringComparison.Ordinal) && !t.Contains("devices", StringComparison.Ordinal) ? "99999" : Guid.NewGuid().ToString(),
            "id" when t.StartsWith("/api/tickets/", StringComparison.Ordinal) => _known.TicketId.ToString(),
            "id" when t.Contains("/devices/", StringComparison.Ordinal) => _known.DeviceId.ToString(),
            "id" when t.Contains("/sessions/", StringComparison.Ordinal) => _known.SessionId.ToString(),
            "id" when t.Contains("/agencies/", StringComparison.Ordinal) => _known.AgencyId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "id" when t.Contains("/services/", StringComparison.Ordinal) => _known.ServiceId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "id" when t.Contains("/desks/", StringComparison.Ordinal) => _known.DeskId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "id" when t.Contains("/staff/", StringComparison.Ordinal) => "no-such-account",
            _ => Guid.NewGuid().ToString(),
        };
    }

    private static string GoodQueryValue(string name) => name switch
    {
        "from" or "date" => "2026-12-07",
        "to" => "2026-12-11",
        "format" => "json",
        "count" or "take" or "kskThreshold" => "10",
        "paper" => "a6",
        "profile" => "generic-80",
        "reason" => "fuzz",
        "action" => "roster.",
        _ => "false",
    };

    private async Task<(int? Status, string Body)> SendAsync(Case c)
    {
        using var request = new HttpRequestMessage(new HttpMethod(c.Operation.Method), c.Path);
        if (c.Body is not null)
        {
            request.Content = new ByteArrayContent(c.Body);
            if (c.ContentType is { Length: > 0 } type)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", type);
            }
        }

        foreach (var (name, value) in c.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        _credentials[c.Who](request);
        try
        {
            using var response = await _http.SendAsync(request);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return (null, e.Message);
        }
    }

    private async Task<T?> SendAsync<T>(Who who, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        _credentials[who](request);
        using var response = await _http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response.StatusCode == HttpStatusCode.NoContent ? default : await response.Content.ReadFromJsonAsync<T>();
    }

    private async Task<string> SignInAsync(string userName, string password)
    {
        var response = await _http.PostAsJsonAsync("/api/auth/login", new LoginRequest(userName, password));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("oa.staff=", StringComparison.Ordinal)).Split(';')[0];
    }

    /// <summary>The staff cookie, and the header the app's own scripts send (a form post cannot).</summary>
    private static void Cookie(HttpRequestMessage request, string cookie)
    {
        request.Headers.TryAddWithoutValidation("Cookie", cookie);
        request.Headers.TryAddWithoutValidation("X-Requested-With", "XMLHttpRequest");
    }
}
