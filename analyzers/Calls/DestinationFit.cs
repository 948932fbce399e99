using System.Collections.Generic;
using System.Globalization;

namespace ShapedTensors.Analyzers.Calls;

/// <summary>
/// Whether a destination's declared shape can hold a call's static result (SEMANTICS.md §7, destinations of partial
/// shapes): its rank and every dimension known on both sides are checked at compile time (ST0006); a dimension that
/// either side knows only at run time is checked by the call at run time (ST0010), except one name on both sides,
/// which the call binds to one size like any name it meets (PARTIAL_SHAPES.md §8.4).
/// </summary>
internal static class DestinationFit
{
    /// <summary>Whether nothing known at compile time rules the destination out.</summary>
    public static bool Admits(StaticShape destination, StaticShape result)
    {
        if (destination.Rank != result.Rank)
        {
            return false;
        }

        for (var i = 0; i < result.Rank; i++)
        {
            if (destination[i].IsKnown && result[i].IsKnown && destination[i].Value != result[i].Value)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// What only the run time can check, for a destination <see cref="Admits"/> accepts:
    /// <c>destination[0] ('n') must equal the result's axis 0 (3)</c> (<paramref name="label"/> names it: the type a
    /// result-type form names, say).
    /// </summary>
    public static IEnumerable<string> RunTimeChecks(StaticShape destination, StaticShape result, string label = "destination")
    {
        for (var i = 0; i < result.Rank; i++)
        {
            var (own, computed) = (destination[i], result[i]);
            if ((own.IsKnown && computed.IsKnown) || own.IsSameNameAs(computed))
            {
                continue;
            }

            var axis = i.ToString(CultureInfo.InvariantCulture);
            yield return $"{label}[{axis}] ({Spell(own)}) must equal the result's axis {axis} ({Spell(computed)})";
        }
    }

    // As the deferred checks spell a dimension (TracedDimension.Describe): 'name', ? or the size.
    private static string Spell(Dimension dimension) => dimension.IsNamed ? "'" + dimension.Name + "'" : dimension.ToFrameString();
}
