using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace ShapedTensors.Tests.Operations;

/// <summary>
/// The rules on partial shapes against the rules on every fully known shape the partial ones admit (sizes 1..4 for
/// each dimension not known, one size per name): where the fully known rule succeeds, the partial result succeeds
/// with the same rank, its known sizes equal and its names standing for consistent sizes; a partial error is an error
/// of every instantiation.
/// </summary>
public sealed class PartialOperationTests
{
    private const int Cases = 250;

    /// <summary>One operation with the options fixed; the operands vary.</summary>
    public static TheoryData<string> Operations => new()
    {
        "Add", "BiasAdd", "Relu", "Softmax", "Sum", "SumKeep", "Transpose", "PermuteDimensions", "Reshape", "ReshapeInferred",
        "ExpandDims", "Squeeze", "Concatenate",
    };

    [Theory]
    [MemberData(nameof(Operations))]
    public void Partial_results_agree_with_every_instantiation(string name)
    {
        var random = new Random(name.Length * 7919 + name[0]); // fixed per operation
        for (var n = 0; n < Cases; n++)
        {
            var (known, rule) = Scenario(name, random);
            var partial = known.Select(shape => Blanked(shape, random)).ToArray();
            var outcome = rule(partial);
            foreach (var instance in Instantiations(partial))
            {
                var exact = rule(instance.Shapes);
                if (!outcome.Succeeded)
                {
                    Assert.False(exact.Succeeded, $"{name}: {Show(partial)} fails with '{outcome}' but {Show(instance.Shapes)} gives {exact}");
                    continue;
                }

                if (!exact.Succeeded)
                {
                    continue;
                }

                var result = outcome.Result!;
                var actual = exact.Result!.ToShape();
                Assert.Equal(actual.Rank, result.Rank);
                for (var i = 0; i < result.Rank; i++)
                {
                    if (result[i].IsKnown)
                    {
                        Assert.True(result[i].Value == actual[i], $"{name}: {Show(partial)} gives {result}, {Show(instance.Shapes)} gives {actual}");
                    }
                    else if (result[i].IsNamed)
                    {
                        Assert.True(instance.Names[result[i].Name!] == actual[i], $"{name}: {Show(partial)} gives {result}, {Show(instance.Shapes)} gives {actual}");
                    }
                }
            }
        }
    }

    // Fully known operands that mostly suit the operation, and the rule under test.
    private static (StaticShape[] Known, Func<StaticShape[], StaticOperation> Rule) Scenario(string name, Random random)
    {
        var x = RandomShapes.Sizes(random);
        var one = new[] { OperationPropertyTests.Known(x) };
        var axis = random.Next(-x.Length - 1, x.Length + 1);
        var perm = Enumerable.Range(0, x.Length).OrderBy(_ => random.Next()).ToArray();
        return name switch
        {
            "Add" => (new[] { one[0], OperationPropertyTests.Known(RandomShapes.BroadcastPartner(random, x)) }, s => OperationRules.Broadcast(OperationCatalog.Add, s[0], s[1])),
            "BiasAdd" => (new[] { one[0], OperationPropertyTests.Known(x.Length > 0 && random.Next(2) == 0 ? x.Skip(1).ToArray() : new[] { x.Length > 0 && random.Next(4) > 0 ? x[^1] : random.Next(1, 5) }) }, s => OperationRules.BiasAdd(s[0], s[1])),
            "Relu" => (one, s => OperationRules.Unary(OperationCatalog.Relu, s[0])),
            "Softmax" => (one, s => OperationRules.Softmax(s[0], axis)),
            "Sum" or "SumKeep" => (one, s => OperationRules.Reduce(OperationCatalog.Sum, s[0], new[] { axis }, true, name == "SumKeep")),
            "Transpose" => (one, s => OperationRules.Transpose(s[0])),
            "PermuteDimensions" => (one, s => OperationRules.PermuteDimensions(s[0], perm)),
            "Reshape" => (one, s => OperationRules.Reshape(s[0], x.Reverse().ToArray())),
            "ReshapeInferred" => (one, Inferred(x, random)),
            "ExpandDims" => (one, s => OperationRules.ExpandDims(s[0], axis)),
            "Squeeze" => (one, s => OperationRules.Squeeze(s[0], axis)),
            _ => (Enumerable.Range(0, random.Next(2, 4)).Select(_ => OperationPropertyTests.Known(x.Select(d => random.Next(4) == 0 ? random.Next(1, 4) : d).ToArray())).ToArray(),
                s => OperationRules.Concatenate(s, axis)),
        };
    }

    // A target with a -1: the other sizes of x, reversed, with one left out.
    private static Func<StaticShape[], StaticOperation> Inferred(int[] x, Random random)
    {
        var target = x.Reverse().ToArray();
        if (target.Length > 0)
        {
            target[random.Next(target.Length)] = -1;
        }

        return s => OperationRules.Reshape(s[0], target);
    }

    // Some dimensions made unknown or named (from two names, so that names repeat).
    private static StaticShape Blanked(StaticShape shape, Random random)
    {
        var dims = new Dimension[shape.Rank];
        for (var i = 0; i < dims.Length; i++)
        {
            dims[i] = random.Next(4) switch
            {
                0 => Dimension.Unknown,
                1 => Dimension.Named(random.Next(2) == 0 ? "a" : "b"),
                _ => shape[i],
            };
        }

        return new StaticShape(dims);
    }

    // Every fully known shape the partial ones admit: each ? and each name (once for all its occurrences) in 1..4.
    private static IEnumerable<(StaticShape[] Shapes, Dictionary<string, int> Names)> Instantiations(StaticShape[] partial)
    {
        var unknowns = partial.Sum(s => Enumerable.Range(0, s.Rank).Count(i => !s[i].IsKnown && !s[i].IsNamed));
        var names = partial.SelectMany(s => Enumerable.Range(0, s.Rank).Where(i => s[i].IsNamed).Select(i => s[i].Name!)).Distinct().ToArray();
        var slots = unknowns + names.Length;
        if (slots > 5)
        {
            yield break; // 4^5 instantiations is plenty; larger cases are skipped
        }

        for (var code = 0; code < (int)Math.Pow(4, slots); code++)
        {
            var values = Enumerable.Range(0, slots).Select(k => (code / (int)Math.Pow(4, k) % 4) + 1).ToArray();
            var bound = names.Select((nm, k) => (nm, values[unknowns + k])).ToDictionary(p => p.nm, p => p.Item2);
            var next = 0;
            var shapes = partial.Select(s => new StaticShape(Enumerable.Range(0, s.Rank).Select(i =>
                s[i].IsKnown ? s[i] : s[i].IsNamed ? Dimension.Known(bound[s[i].Name!]) : Dimension.Known(values[next++])).ToArray())).ToArray();
            yield return (shapes, bound);
        }
    }

    private static string Show(StaticShape[] shapes) => string.Join(", ", shapes.Select(s => s.ToString()));
}
