using System.Reflection;
using System.Text.Json;
using OpenAlmaty.FrontOffice.Contracts;

namespace OpenAlmaty.FrontOffice.Server.Problems;

/// <summary>
/// A request body's fields that the contract declares non-nullable (<c>string Name</c>, a nested
/// <c>CreateServiceRequest Service</c>) are there before the handler runs: a client that leaves one out,
/// or sends it null, gets 400 <c>validation-failed</c> naming the field, instead of a
/// NullReferenceException deep in a use case. Read once per endpoint from the records' nullable
/// annotations, so the contract is the one place that says what is required.
/// </summary>
public static class RequiredFields
{
    private static readonly Assembly ContractsAssembly = typeof(ProblemTypes).Assembly;

    public static EndpointFilterDelegate Check(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var nullability = new NullabilityInfoContext();
        var checks = context.MethodInfo.GetParameters()
            .Select((p, i) => (Index: i, Fields: FieldsOf(p.ParameterType, nullability, [])))
            .Where(c => c.Fields.Count > 0)
            .ToList();
        if (checks.Count == 0)
        {
            return next;
        }

        return async invocation =>
        {
            foreach (var (index, fields) in checks)
            {
                if (invocation.Arguments[index] is { } body && Missing(body, fields, "") is { } missing)
                {
                    return ProblemExceptionHandler.Write(invocation.HttpContext, ProblemTypes.ValidationFailed, StatusCodes.Status400BadRequest,
                        $"{missing} is required.");
                }
            }

            return await next(invocation);
        };
    }

    /// <summary>A required field of a contract record, and the required fields inside it when it is a contract record too.</summary>
    private sealed record Field(PropertyInfo Property, string JsonName, IReadOnlyList<Field> Inner);

    private static List<Field> FieldsOf(Type type, NullabilityInfoContext nullability, HashSet<Type> seen)
    {
        // A record that holds itself (none does today) is followed once along each path.
        if (type.Assembly != ContractsAssembly || !type.IsClass || seen.Contains(type))
        {
            return [];
        }

        seen = [.. seen, type];
        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && !p.PropertyType.IsValueType
                && nullability.Create(p).ReadState == NullabilityState.NotNull)
            .Select(p => new Field(p, JsonNamingPolicy.CamelCase.ConvertName(p.Name), FieldsOf(p.PropertyType, nullability, seen)))
            .ToList();
    }

    private static string? Missing(object body, IReadOnlyList<Field> fields, string prefix)
    {
        foreach (var field in fields)
        {
            var value = field.Property.GetValue(body);
            if (value is null)
            {
                return prefix + field.JsonName;
            }

            if (field.Inner.Count > 0 && Missing(value, field.Inner, prefix + field.JsonName + ".") is { } inner)
            {
                return inner;
            }
        }

        return null;
    }
}
