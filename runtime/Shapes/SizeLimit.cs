// Compiled into the runtime, the generator and the analyzers (netstandard2.0).
using System.Globalization;
using System.Numerics;

namespace ShapedTensors;

/// <summary>
/// The largest tensor: its elements live in one array, which holds at most <see cref="MaxElements"/> of them.
/// An operation whose result would have more is a compile-time error (ST0007) and throws at run time, with one text.
/// </summary>
internal static class SizeLimit
{
    /// <summary>The most elements an array can hold (<c>Array.MaxLength</c>).</summary>
    public const long MaxElements = 0x7FFFFFC7;

    /// <summary>Whether <paramref name="shape"/> has more elements than an array can hold (without overflowing on the way).</summary>
    public static bool Exceeds(Shape shape)
    {
        long count = 1;
        for (var axis = 0; axis < shape.Rank; axis++)
        {
            count *= shape[axis];  // at most MaxElements times int.MaxValue: no overflow
            if (count > MaxElements)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The text for an operation whose result is too large, e.g. <c>Dot of (50000, 2) and (2, 50000) has shape (50000, 50000): 2500000000 elements, more than the 2147483591 an array can hold.</c></summary>
    public static string ResultTooLarge(string operation, Shape x, Shape y, Shape result)
    {
        var count = BigInteger.One;
        for (var axis = 0; axis < result.Rank; axis++)
        {
            count *= result[axis];
        }

        return $"{operation} of {x} and {y} has shape {result}: {count.ToString(CultureInfo.InvariantCulture)} elements, more than the {MaxElements.ToString(CultureInfo.InvariantCulture)} an array can hold.";
    }
}
