using System.Collections.Generic;
using System.Collections.Immutable;

namespace ShapedTensors.Analyzers.Calls;

/// <summary>
/// Which edits would make a mismatched call valid, checked with the shape algebra: other transpose flags for
/// <c>MatMul</c>, swapped operands for <c>Dot</c> and <c>MatMul</c>. The result goes into the diagnostic's
/// properties for the code fixes.
/// </summary>
/// <remarks>
/// Graph time on the declared shapes decides (fully known ones included: it is what the runtime's rules ask too);
/// an edit that only passes because a dimension is not known yet still counts, as the call itself would.
/// </remarks>
internal static class FixCandidates
{
    private static readonly (bool A, bool B)[] FlagCombinations = { (false, false), (true, false), (false, true), (true, true) };

    public static ImmutableDictionary<string, string?> For(CallShapes rule, StaticShape x, StaticShape y, StaticShape? destination)
    {
        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        if (rule.Operation == OperationCatalog.MatMul)
        {
            var working = new List<string>();
            foreach (var (a, b) in FlagCombinations)
            {
                if ((a, b) != (rule.TransposeA, rule.TransposeB) && Works(rule.WithFlags(a, b).ApplyStatic(x, y), destination))
                {
                    working.Add(DiagnosticProperties.EncodeFlags(a, b));
                }
            }

            if (working.Count > 0)
            {
                properties[DiagnosticProperties.TransposeFixes] = string.Join(";", working);
            }
        }

        // y.Op(x) with the same options; BatchDot's axes belong to their operands, so swapping is not offered there.
        if ((rule.Operation == OperationCatalog.Dot || rule.Operation == OperationCatalog.MatMul) && Works(rule.ApplyStatic(y, x), destination))
        {
            properties[DiagnosticProperties.SwapFix] = "true";
        }

        return properties.ToImmutable();
    }

    // A destination, when the call has one, must also fit the new result.
    private static bool Works(StaticContraction result, StaticShape? destination)
        => result.Result is { } shape && (destination is null || DestinationFit.Admits(destination, shape));
}
