using System;
using System.Collections.Generic;
using System.Linq;
using ShapedTensors.Tests.Operations;

namespace ShapedTensors.Tests.Einsum;

/// <summary>
/// numpy's einsum the slow, obvious way, independent of the library's parser, labels and lowering: every assignment
/// of values to the labels, the product of the operands' elements there added into the output. For valid equations
/// only (the tests check the errors against OPS.md's texts separately). <c>...</c> axes get digit labels, right-aligned.
/// </summary>
internal static class NaiveEinsum
{
    public static (int[] Shape, double[] Values) Compute(string equation, params (int[] Shape, double[] Values)[] operands)
    {
        equation = equation.Replace(" ", string.Empty, StringComparison.Ordinal);
        var arrow = equation.IndexOf("->", StringComparison.Ordinal);
        var inputs = (arrow < 0 ? equation : equation[..arrow]).Split(',');
        var broadcastRank = inputs.Select((s, i) => s.Contains("...", StringComparison.Ordinal) ? operands[i].Shape.Length - (s.Length - 3) : 0).Max();
        var expanded = inputs.Select((s, i) => Expand(s, operands[i].Shape.Length - (s.Length - 3), broadcastRank)).ToArray();
        string output;
        if (arrow >= 0)
        {
            output = Expand(equation[(arrow + 2)..], broadcastRank, broadcastRank);
        }
        else
        {
            // numpy: the broadcast axes first, then the letters seen once, alphabetically (by code point).
            var letters = string.Concat(inputs).Where(char.IsLetter).ToList();
            output = string.Concat(Enumerable.Range(0, broadcastRank).Select(Digit))
                + string.Concat(letters.Distinct().Where(c => letters.Count(l => l == c) == 1).OrderBy(c => c));
        }

        var sizes = new Dictionary<char, int>();
        for (var i = 0; i < operands.Length; i++)
        {
            for (var axis = 0; axis < expanded[i].Length; axis++)
            {
                var label = expanded[i][axis];
                var size = operands[i].Shape[axis];
                sizes[label] = sizes.TryGetValue(label, out var seen) && seen != 1 ? seen : size;
            }
        }

        var all = sizes.Keys.ToArray();
        var resultShape = output.Select(c => sizes[c]).ToArray();
        var result = new double[NaiveOperations.Count(resultShape)];
        foreach (var assignment in NaiveOperations.Indices(all.Select(c => sizes[c]).ToArray()))
        {
            int ValueOf(char label) => assignment[Array.IndexOf(all, label)];
            var product = 1.0;
            for (var i = 0; i < operands.Length; i++)
            {
                var shape = operands[i].Shape;
                var index = expanded[i].Select((label, axis) => shape[axis] == 1 ? 0 : ValueOf(label)).ToArray();
                product *= operands[i].Values[NaiveOperations.Offset(shape, index)];
            }

            result[NaiveOperations.Offset(resultShape, output.Select(ValueOf).ToArray())] += product;
        }

        return (resultShape, result);
    }

    private static string Expand(string subscript, int own, int broadcastRank)
    {
        var at = subscript.IndexOf("...", StringComparison.Ordinal);
        return at < 0
            ? subscript
            : subscript[..at] + string.Concat(Enumerable.Range(broadcastRank - own, own).Select(Digit)) + subscript[(at + 3)..];
    }

    private static char Digit(int axis) => (char)('0' + axis);
}
