extern alias GeneratorAssembly;

using System;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Xunit;
using TensorGenerator = GeneratorAssembly::ShapedTensors.Generator.TensorGenerator;

namespace ShapedTensors.Generator.Tests.Support;

/// <summary>
/// The generator's step tracking names, read by reflection from the string constants of
/// <c>ShapedTensors.Generator.TrackingNames</c> (so the harness needs no change when steps are added or renamed).
/// </summary>
public static class TrackingNameCatalog
{
    /// <summary>The full name of the class that holds the constants.</summary>
    public const string TypeName = "ShapedTensors.Generator.TrackingNames";

    private static readonly Lazy<ImmutableArray<string>> Cached = new(Read);

    /// <summary>Every tracking name, sorted; fails the test if the class is missing or has no constant.</summary>
    public static ImmutableArray<string> Names => Cached.Value;

    private static ImmutableArray<string> Read()
    {
        var type = typeof(TensorGenerator).Assembly.GetType(TypeName);
        if (type is null)
        {
            Assert.Fail($"The generator assembly has no {TypeName} class (string constants naming each tracked step).");
        }

        var names = type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(string) && (f.IsLiteral || f.IsInitOnly))
            .Select(f => (string?)f.GetValue(null))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToImmutableArray();
        if (names.IsEmpty)
        {
            Assert.Fail($"{TypeName} declares no string constant.");
        }

        return names;
    }
}
