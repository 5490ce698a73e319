using System;
using System.Collections;
using System.Collections.Generic;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace NmrDsl.Generators.Tests.TestSupport;

/// <summary>
/// Walks an object graph by reflection (every instance field, so auto-property backing fields
/// too, and the items of every enumerable) and reports the paths to objects of forbidden types:
/// a pipeline model must not hold Roslyn symbols, compilations, syntax nodes or locations
/// (STJ's SourceGenModelDoesNotEncapsulateSymbolsOrCompilationData).
/// </summary>
public static class ObjectGraph
{
    private static readonly Type[] Forbidden = { typeof(ISymbol), typeof(Compilation), typeof(SyntaxNode), typeof(Location), typeof(SyntaxTree), typeof(SemanticModel) };

    public static IReadOnlyList<string> FindForbidden(object? root, string rootName)
    {
        var found = new List<string>();
        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        Walk(root, rootName, found, visited, 0);
        return found;
    }

    private static void Walk(object? value, string path, List<string> found, HashSet<object> visited, int depth)
    {
        if (value is null) return;
        var type = value.GetType();
        foreach (var forbidden in Forbidden)
        {
            if (forbidden.IsAssignableFrom(type))
            {
                found.Add(path + " : " + type.FullName);
                return;
            }
        }
        if (type.IsPrimitive || type.IsEnum || value is string or decimal or DateTime or Type) return;
        if (!type.IsValueType && !visited.Add(value)) return; // cycles and shared nodes
        if (depth > 64) throw new InvalidOperationException("object graph deeper than 64 at " + path);

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(System.Collections.Immutable.ImmutableArray<>)
            && (bool)type.GetProperty("IsDefault")!.GetValue(value)!)
        {
            return; // a default ImmutableArray throws when enumerated
        }
        if (value is IEnumerable items)
        {
            int i = 0;
            foreach (var item in items) Walk(item, path + "[" + i++ + "]", found, visited, depth + 1);
        }
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (field.FieldType.IsPointer || field.FieldType.IsByRefLike) continue;
                Walk(field.GetValue(value), path + "." + field.Name, found, visited, depth + 1);
            }
        }
    }
}
