using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace ShapedTensors.Analyzers.Calls;

/// <summary>
/// The fix for a broadcast that lacks one size-1 axis (<c>x (32, 10) + b (32,)</c>): which operand, expanded with
/// <c>ExpandDims(axis)</c>, makes the rule accept the call. Checked with <see cref="OperationRules"/>, so the fix only
/// edits syntax (see <see cref="DiagnosticProperties.AxisInsertions"/>).
/// </summary>
internal static class AxisInsertion
{
    /// <summary>At most this many edits are offered: more would drown the one meant.</summary>
    private const int MaxOffered = 2;

    private static readonly int[] Both = { 0, 1 };

    /// <summary>The properties of an ST0001 on <paramref name="operation"/>; empty when no single <c>ExpandDims</c> helps.</summary>
    public static ImmutableDictionary<string, string?> For(OperationDescriptor operation, IReadOnlyList<StaticShape> operands, OperationOptions options)
    {
        if (operation.Family is not (OperationFamily.Broadcast or OperationFamily.BiasAdd) || operands.Count != 2)
        {
            return ImmutableDictionary<string, string?>.Empty;
        }

        // The operand of lower rank is the one that usually lost an axis; the larger operand's shape is the result meant.
        var larger = operands[0].Rank >= operands[1].Rank ? operands[0] : operands[1];
        var working = new List<(int Operand, int Axis, bool KeepsShape)>();
        foreach (var index in Both.OrderBy(i => operands[i].Rank))
        {
            foreach (var axis in Axes(operands[index].Rank))
            {
                var expanded = OperationRules.Apply(OperationCatalog.ExpandDims, new[] { operands[index] }, OperationOptions.WithAxis(axis)).Result!;
                var candidate = index == 0 ? new[] { expanded, operands[1] } : new[] { operands[0], expanded };
                if (OperationRules.Apply(operation, candidate, options).Result is { } result)
                {
                    working.Add((index, axis, result.ToString() == larger.ToString()));
                }
            }
        }

        // OrderBy is stable: within each group, the order tried.
        var offered = working.OrderBy(w => w.KeepsShape ? 0 : 1).Take(MaxOffered).Select(w => DiagnosticProperties.EncodeInsertion(w.Operand, w.Axis)).ToList();
        return offered.Count == 0
            ? ImmutableDictionary<string, string?>.Empty
            : ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.AxisInsertions, string.Join(";", offered));
    }

    // ExpandDims' axes for an operand of rank r, in the order tried: last, first, then the ones between.
    private static IEnumerable<int> Axes(int rank)
    {
        yield return -1;
        yield return 0;
        for (var axis = 1; axis < rank; axis++)
        {
            yield return axis;
        }
    }
}
