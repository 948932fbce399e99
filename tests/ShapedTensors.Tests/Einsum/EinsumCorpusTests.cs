using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Xunit;

namespace ShapedTensors.Tests.Einsum;

/// <summary>
/// A generated corpus of valid equations (1–2 operands, up to 6 labels, repeated labels, <c>...</c> with broadcast
/// 1s, implicit and explicit outputs) against <see cref="NaiveEinsum"/>: the rule's result shape and the run time's values.
/// </summary>
public sealed class EinsumCorpusTests
{
    private const int Count = 400;

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (var seed = 0; seed < Count; seed += 20)
        {
            data.Add(seed);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Random_equations_compute_what_numpy_computes(int first)
    {
        for (var seed = first; seed < first + 20; seed++)
        {
            var (equation, shapes) = RandomCase(new Random(seed));
            var name = $"seed {seed}: {equation} on {string.Join(", ", shapes.Select(s => new Shape(s)))}";
            var operands = shapes.Select((s, i) => DynamicTensor<double>.Random(new Shape(s), seed * 7 + i)).ToArray();
            var expected = NaiveEinsum.Compute(equation, operands.Select(o => (o.Shape.ToArray(), o.ToArray())).ToArray());

            var rule = OperationRules.Einsum(equation, shapes.Select(s => StaticShape.Of(new Shape(s))).ToArray()).Outcome;
            Assert.True(rule.Succeeded, $"{name}: {rule}");
            Assert.Equal(new Shape(expected.Shape).ToString(), rule.Result!.ToString());

            var actual = operands.Length == 1 ? DynamicTensor<double>.Einsum(equation, operands[0]) : DynamicTensor<double>.Einsum(equation, operands[0], operands[1]);
            Assert.Equal(expected.Shape, actual.Shape.ToArray());
            EinsumAssert.Close(expected.Values, actual.ToArray(), name);
        }
    }

    [Fact]
    public void The_corpus_covers_every_feature()
    {
        var cases = Enumerable.Range(0, Count).Select(seed => RandomCase(new Random(seed)).Equation).ToList();
        Assert.Contains(cases, e => e.Contains("...", StringComparison.Ordinal));
        Assert.Contains(cases, e => !e.Contains("->", StringComparison.Ordinal));
        Assert.Contains(cases, e => e.Contains(',', StringComparison.Ordinal));
        Assert.Contains(cases, e => !e.Contains(',', StringComparison.Ordinal));
        Assert.Contains(cases, e => e.Split("->")[0].Split(',').Any(s => s.Replace("...", string.Empty, StringComparison.Ordinal).Distinct().Count() < s.Replace("...", string.Empty, StringComparison.Ordinal).Length));
    }

    // One or two operands over up to 6 labels (sizes 1–4), each subscript 0–4 labels with repeats, sometimes "...";
    // broadcast axes are 1 in one operand or the other at random; the output explicit (a random order of some
    // labels, and "..." when an operand has it) or implicit.
    internal static (string Equation, int[][] Shapes) RandomCase(Random random)
    {
        var labelCount = random.Next(1, 7);
        var labels = Enumerable.Range(0, labelCount).Select(i => "abcdefghijABCDEF"[random.Next(16)]).Distinct().ToArray();
        var sizes = labels.ToDictionary(l => l, _ => random.Next(1, 5));
        var operands = random.Next(1, 3);
        var broadcast = Enumerable.Range(0, random.Next(0, 3)).Select(_ => random.Next(1, 4)).ToArray();
        var subscripts = new string[operands];
        var shapes = new int[operands][];
        for (var i = 0; i < operands; i++)
        {
            var picked = Enumerable.Range(0, random.Next(0, 5)).Select(_ => labels[random.Next(labels.Length)]).ToList();
            var dims = picked.Select(l => sizes[l]).ToList();
            var text = new StringBuilder(string.Concat(picked));
            if (random.Next(3) == 0)
            {
                var at = random.Next(picked.Count + 1);
                var own = random.Next(0, broadcast.Length + 1);
                text.Insert(at, "...");
                dims.InsertRange(at, broadcast.Skip(broadcast.Length - own).Select(d => random.Next(3) == 0 ? 1 : d));
            }

            subscripts[i] = text.ToString();
            shapes[i] = dims.ToArray();
        }

        var equation = string.Join(",", subscripts);
        if (random.Next(2) == 0)
        {
            var used = string.Concat(subscripts).Where(char.IsLetter).Distinct().OrderBy(_ => random.Next()).ToList();
            var output = string.Concat(used.Take(random.Next(used.Count + 1)));
            if (equation.Contains("...", StringComparison.Ordinal))
            {
                output = output.Insert(random.Next(output.Length + 1), "...");
            }

            equation += "->" + output;
        }

        return (equation, shapes);
    }
}
