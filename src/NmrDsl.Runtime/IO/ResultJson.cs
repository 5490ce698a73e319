using System;
using System.Collections.Generic;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace NmrDsl.Runtime.IO;

/// <summary>
/// Writes result files (<c>result.json</c>, <c>metrics.json</c>) with System.Text.Json: indented,
/// "\n" line ends, culture-invariant numbers (shortest round-trip form), readable unit strings
/// ("nm^2/s", "µm" are not \u-escaped), NaN/Infinity as strings, properties in declaration order,
/// written atomically. Same object → byte-identical file on every machine and culture.
/// </summary>
/// <remarks>
/// Property order: System.Text.Json follows reflection order, which .NET does not promise; the
/// resolver here sorts by [JsonPropertyOrder], then base class before derived, then metadata token
/// (the order the compiler emitted the declarations). Dictionaries keep their enumeration order, so
/// maps that must be stable should be SortedDictionary or built in a fixed order.
/// </remarks>
public static class ResultJson
{
    /// <summary>The serializer options used for every result file.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Serialises <paramref name="value"/> and writes it to <paramref name="path"/> atomically (UTF-8, trailing newline).</summary>
    public static void Write(string path, object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        AtomicFile.WriteAllText(path, Serialize(value) + "\n");
    }

    /// <summary>The JSON text <see cref="Write"/> would write (without the trailing newline).</summary>
    public static string Serialize(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return JsonSerializer.Serialize(value, value.GetType(), Options);
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var resolver = new DefaultJsonTypeInfoResolver();
        resolver.Modifiers.Add(SortPropertiesByDeclaration);
        var options = new JsonSerializerOptions
        {
            WriteIndented = true,
            IndentSize = 2,
            NewLine = "\n",
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
            TypeInfoResolver = resolver,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly();
        return options;
    }

    private static void SortPropertiesByDeclaration(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object || typeInfo.Properties.Count < 2)
        {
            return;
        }

        var properties = new List<JsonPropertyInfo>(typeInfo.Properties);
        var position = new Dictionary<JsonPropertyInfo, int>();
        for (int i = 0; i < properties.Count; i++)
        {
            position[properties[i]] = i;
        }

        properties.Sort((a, b) =>
        {
            int byOrder = a.Order.CompareTo(b.Order);
            if (byOrder != 0)
            {
                return byOrder;
            }

            if (a.AttributeProvider is MemberInfo ma && b.AttributeProvider is MemberInfo mb && ma.DeclaringType is { } ta && mb.DeclaringType is { } tb)
            {
                int byDepth = Depth(ta).CompareTo(Depth(tb));
                if (byDepth != 0)
                {
                    return byDepth;
                }

                if (ta == tb)
                {
                    return ma.MetadataToken.CompareTo(mb.MetadataToken);
                }
            }

            return position[a].CompareTo(position[b]); // stable otherwise
        });
        typeInfo.Properties.Clear();
        foreach (JsonPropertyInfo property in properties)
        {
            typeInfo.Properties.Add(property);
        }
    }

    private static int Depth(Type type)
    {
        int depth = 0;
        for (Type? t = type.BaseType; t is not null; t = t.BaseType)
        {
            depth++;
        }

        return depth;
    }
}
