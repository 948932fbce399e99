using System;
using System.Globalization;
using System.Numerics;
using System.Text;

namespace ShapedTensors;

/// <summary>
/// Formats tensor values the way numpy's <c>str(array)</c> does: nested brackets, elements padded to a
/// common width (<c>[[19. 22.]\n [43. 50.]]</c>, <c>[ 1.5 -2. ]</c>), lines wrapped at 75 characters,
/// arrays of more than 1000 elements summarized with <c>...</c>, and an empty array (a dimension of 0, any
/// rank) as <c>[]</c>.
/// </summary>
public static class TensorFormatter
{
    private const int LineWidth = 75;
    private const int SummaryThreshold = 1000;
    private const int EdgeItems = 3;
    private const int MaxFractionDigits = 8;

    /// <summary>Formats row-major <paramref name="values"/> of the given shape.</summary>
    public static string Format<T>(Shape shape, ReadOnlySpan<T> values)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Require.NotNull(shape, nameof(shape));
        if (values.Length != shape.ElementCount)
        {
            throw new ArgumentException($"Expected {shape.ElementCount} values for shape {shape}, but got {values.Length}.", nameof(values));
        }

        // numpy's array2string: "treat as a null array if any of shape elements == 0".
        if (values.IsEmpty)
        {
            return "[]";
        }

        var summarize = values.Length > SummaryThreshold;
        var style = ElementStyle.Measure(shape, values, summarize);
        if (shape.Rank == 0)
        {
            return style.Format(values[0]).Trim();
        }

        var text = new StringBuilder();
        var strides = new long[shape.Rank];
        long stride = 1;
        for (var axis = shape.Rank - 1; axis >= 0; axis--)
        {
            strides[axis] = stride;
            stride *= shape[axis];
        }

        AppendBlock(text, shape, strides, values, 0, 0, style, summarize);
        return text.ToString();
    }

    private static void AppendBlock<T>(StringBuilder text, Shape shape, long[] strides, ReadOnlySpan<T> values, int axis, long offset, ElementStyle style, bool summarize)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        text.Append('[');
        var size = shape[axis];
        var elided = summarize && size > 2 * EdgeItems;
        var indent = new string(' ', axis + 1);
        if (axis == shape.Rank - 1)
        {
            var lineStart = text.Length - LastLineLength(text);
            for (var i = 0; i < size; i++)
            {
                if (elided && i == EdgeItems)
                {
                    AppendWrapped(text, "...", i > 0, ref lineStart, indent);
                    i = size - EdgeItems - 1;
                    continue;
                }

                AppendWrapped(text, style.Format(values[(int)(offset + i)]), i > 0, ref lineStart, indent);
            }
        }
        else
        {
            var separator = new string('\n', shape.Rank - axis - 1) + indent;
            for (var i = 0; i < size; i++)
            {
                if (i > 0)
                {
                    text.Append(separator);
                }

                if (elided && i == EdgeItems)
                {
                    text.Append("...");
                    i = size - EdgeItems - 1;
                    continue;
                }

                AppendBlock(text, shape, strides, values, axis + 1, offset + (i * strides[axis]), style, summarize);
            }
        }

        text.Append(']');
    }

    // Appends one element, breaking the line first when it (plus the closing brackets) would pass the width.
    private static void AppendWrapped(StringBuilder text, string element, bool separated, ref int lineStart, string indent)
    {
        if (separated)
        {
            if (text.Length - lineStart + 1 + element.Length + indent.Length > LineWidth)
            {
                text.Append('\n');
                lineStart = text.Length;
                text.Append(indent);
            }
            else
            {
                text.Append(' ');
            }
        }

        text.Append(element);
    }

    private static int LastLineLength(StringBuilder text)
    {
        var i = text.Length - 1;
        while (i >= 0 && text[i] != '\n')
        {
            i--;
        }

        return text.Length - 1 - i;
    }

    // numpy's FloatingFormat: positional unless the magnitudes call for scientific notation; every element
    // padded so the decimal points line up.
    private sealed class ElementStyle
    {
        private readonly bool _scientific;
        private readonly int _integerWidth;
        private readonly int _fractionWidth;

        private ElementStyle(bool scientific, int integerWidth, int fractionWidth)
        {
            _scientific = scientific;
            _integerWidth = integerWidth;
            _fractionWidth = fractionWidth;
        }

        public static ElementStyle Measure<T>(Shape shape, ReadOnlySpan<T> values, bool summarize)
            where T : unmanaged, IFloatingPointIeee754<T>
        {
            double max = 0, min = double.PositiveInfinity;
            for (var i = 0; i < values.Length; i++)
            {
                if (summarize && !IsShown(shape, i))
                {
                    continue;
                }

                var magnitude = Math.Abs(double.CreateTruncating(values[i]));
                if (double.IsFinite(magnitude) && magnitude != 0)
                {
                    max = Math.Max(max, magnitude);
                    min = Math.Min(min, magnitude);
                }
            }

            var scientific = max >= 1e8 || min < 1e-4 || max / min > 1e3;
            var probe = new ElementStyle(scientific, 0, 0);
            int integerWidth = 0, fractionWidth = 0;
            for (var i = 0; i < values.Length; i++)
            {
                if (summarize && !IsShown(shape, i))
                {
                    continue;
                }

                var (integer, fraction) = probe.Split(values[i]);
                integerWidth = Math.Max(integerWidth, integer.Length);
                fractionWidth = Math.Max(fractionWidth, fraction.Length);
            }

            return new ElementStyle(scientific, integerWidth, fractionWidth);
        }

        public string Format<T>(T value)
            where T : unmanaged, IFloatingPointIeee754<T>
        {
            var (integer, fraction) = Split(value);
            return integer.PadLeft(_integerWidth) + fraction.PadRight(_fractionWidth);
        }

        // The part up to the decimal point, and the rest (".5", ".", ".5e-05", or "" for nan and inf).
        private (string Integer, string Fraction) Split<T>(T value)
            where T : unmanaged, IFloatingPointIeee754<T>
        {
            if (T.IsNaN(value))
            {
                return ("nan", string.Empty);
            }

            if (T.IsInfinity(value))
            {
                return (T.IsNegative(value) ? "-inf" : "inf", string.Empty);
            }

            var text = _scientific ? Scientific(value) : Positional(value);
            var point = text.IndexOf('.', StringComparison.Ordinal);
            return (text.Substring(0, point), text.Substring(point));
        }

        private static string Positional<T>(T value)
            where T : unmanaged, IFloatingPointIeee754<T>
        {
            // The shortest text that round-trips in T, unless it needs more than numpy's 8 fraction digits.
            var exact = double.CreateTruncating(value);
            var rounded = Math.Round(exact, MaxFractionDigits);
            var text = rounded == exact
                ? value.ToString("R", CultureInfo.InvariantCulture)
                : rounded.ToString("0.########", CultureInfo.InvariantCulture);
            return text.Contains('.', StringComparison.Ordinal) ? text : text + ".";
        }

        private static string Scientific<T>(T value)
            where T : unmanaged, IFloatingPointIeee754<T>
        {
            // "1.5e-05" and "1.e+08": shortest mantissa, at least two exponent digits.
            var text = value.ToString("E8", CultureInfo.InvariantCulture);
            var e = text.IndexOf('E', StringComparison.Ordinal);
            var mantissa = text.Substring(0, e).TrimEnd('0');
            var exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            return mantissa + "e" + (exponent < 0 ? "-" : "+") + Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture);
        }
    }

    // Whether a row-major index survives summarization (within EdgeItems of either end on every long axis).
    private static bool IsShown(Shape shape, long index)
    {
        for (var axis = shape.Rank - 1; axis >= 0; axis--)
        {
            var size = shape[axis];
            var i = index % size;
            index /= size;
            if (size > 2 * EdgeItems && i >= EdgeItems && i < size - EdgeItems)
            {
                return false;
            }
        }

        return true;
    }
}
