using System;
using System.Globalization;
using System.Numerics;
using System.Text;

namespace ShapedTensors;

/// <summary>
/// Formats tensor values exactly as numpy's <c>str(array)</c> does (<c>array2string</c> with its defaults: 8 digits of
/// precision in <c>maxprec</c> mode, lines of 75 characters, more than 1000 elements summarized with <c>...</c> and 3
/// edge items): <c>[[19. 22.]\n [43. 50.]]</c>, <c>[ 1.5 -2. ]</c>, <c>[nan  1.]</c>, <c>[1.e-05 1.e+06]</c>. A
/// rank-0 tensor prints as numpy prints a scalar (<c>100.0</c>, <c>1e-05</c>); an empty one (a dimension of 0, any
/// rank) as <c>[]</c>.
/// </summary>
/// <remarks>
/// Every element is printed with the fewest digits that give back its value in its own type (float32 elements as
/// float32, so <c>3.3000002</c>, not the double's digits), capped at 8 fraction digits, the exact value rounded half to
/// even past the cap, as numpy's Dragon4 does. The tests compare with a table numpy printed
/// (<c>tests/ShapedTensors.Tests/Data/numpy_str_cases.json</c>).
/// </remarks>
public static class TensorFormatter
{
    private const int LineWidth = 75;
    private const int SummaryThreshold = 1000;
    private const int EdgeItems = 3;
    private const int Precision = 8;

    /// <summary>Formats row-major <paramref name="values"/> of the given shape.</summary>
    public static string Format<T>(Shape shape, ReadOnlySpan<T> values)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Require.NotNull(shape, nameof(shape));
        if (values.Length != shape.ElementCount)
        {
            throw new ArgumentException($"Expected {shape.ElementCount} values for shape {shape}, but got {values.Length}.", nameof(values));
        }

        if (shape.Rank == 0)
        {
            return Scalar(values[0]);
        }

        // numpy's array2string: "treat as a null array if any of shape elements == 0" (whatever the rank).
        if (values.Length == 0)
        {
            return "[]";
        }

        var summarize = values.Length > SummaryThreshold;
        var style = ElementStyle.Measure(shape, values, summarize);
        var strides = new long[shape.Rank];
        long stride = 1;
        for (var axis = shape.Rank - 1; axis >= 0; axis--)
        {
            strides[axis] = stride;
            stride *= shape[axis];
        }

        return new ArrayText<T>(shape, strides, values, style, summarize).Block(0, 0, " ", LineWidth);
    }

    // numpy's str of a float scalar: positional from 1e-4 to 1e16 (and for 0), with one zero kept after the point
    // ("100.0"), else scientific without trailing zeros ("1e+16", "2.5e-07").
    private static string Scalar<T>(T value)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (T.IsNaN(value))
        {
            return "nan";
        }

        if (T.IsInfinity(value))
        {
            return T.IsNegative(value) ? "-inf" : "inf";
        }

        var number = DecimalDigits.Shortest(value);
        var magnitude = Math.Abs(double.CreateTruncating(value));
        if (magnitude == 0 || (magnitude >= 1e-4 && magnitude < 1e16))
        {
            var (integer, fraction) = number.Positional();
            return integer + "." + (fraction.Length == 0 ? "0" : fraction);
        }

        var (lead, digits, exponent) = number.Scientific();
        return lead + (digits.Length == 0 ? string.Empty : "." + digits) + Exponent(exponent, 2);
    }

    // "e+05", "e-123": the sign, then at least `digits` digits.
    private static string Exponent(int exponent, int digits)
        => "e" + (exponent < 0 ? "-" : "+") + Math.Abs(exponent).ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0');

    // numpy's _formatArray: nested brackets, elements wrapped to the line width, blank lines between blocks of rank 3
    // and more, and "..." in place of the middle of each axis longer than 2 * EdgeItems when summarizing.
    private readonly ref struct ArrayText<T>(Shape shape, long[] strides, ReadOnlySpan<T> values, ElementStyle style, bool summarize)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        private readonly ReadOnlySpan<T> _values = values;

        public string Block(int axis, long offset, string hangingIndent, int width)
        {
            var nextIndent = hangingIndent + " ";
            var nextWidth = width - 1;
            var size = shape[axis];
            var summary = summarize && 2 * EdgeItems < size;
            var leading = summary ? EdgeItems : 0;
            var trailing = summary ? EdgeItems : size;
            var text = new StringBuilder();
            if (axis == shape.Rank - 1)
            {
                // The width up to where the separator or the closing bracket goes.
                var elementWidth = width - 1;
                var line = hangingIndent;
                for (var i = 0; i < leading; i++)
                {
                    line = Extend(text, line, Element(offset + i), elementWidth, hangingIndent) + " ";
                }

                if (summary)
                {
                    line = Extend(text, line, "...", elementWidth, hangingIndent) + " ";
                }

                for (var i = trailing; i > 1; i--)
                {
                    line = Extend(text, line, Element(offset + size - i), elementWidth, hangingIndent) + " ";
                }

                text.Append(Extend(text, line, Element(offset + size - 1), elementWidth, hangingIndent));
            }
            else
            {
                var separator = new string('\n', shape.Rank - axis - 1);
                for (var i = 0; i < leading; i++)
                {
                    text.Append(hangingIndent).Append(Block(axis + 1, offset + (i * strides[axis]), nextIndent, nextWidth)).Append(separator);
                }

                if (summary)
                {
                    text.Append(hangingIndent).Append("...").Append(separator);
                }

                for (var i = trailing; i > 1; i--)
                {
                    text.Append(hangingIndent).Append(Block(axis + 1, offset + ((size - i) * strides[axis]), nextIndent, nextWidth)).Append(separator);
                }

                text.Append(hangingIndent).Append(Block(axis + 1, offset + ((size - 1) * strides[axis]), nextIndent, nextWidth));
            }

            return "[" + text.ToString(hangingIndent.Length, text.Length - hangingIndent.Length) + "]";
        }

        // numpy's _extendLine: starts a new line when the word would pass the width, unless the line holds nothing yet.
        private static string Extend(StringBuilder text, string line, string word, int width, string nextLinePrefix)
        {
            if (line.Length + word.Length > width && line.Length > nextLinePrefix.Length)
            {
                text.Append(line.TrimEnd()).Append('\n');
                line = nextLinePrefix;
            }

            return line + word;
        }

        private string Element(long index) => style.Format(_values[(int)index]);
    }

    // numpy's FloatingFormat in 'maxprec' mode: positional unless the magnitudes call for scientific notation, every
    // element padded so that the decimal points (and the exponents) line up, nan and inf right-aligned to that width.
    private sealed class ElementStyle
    {
        private readonly bool _scientific;
        private readonly int _padLeft;
        private readonly int _padRight;
        private readonly int _fractionDigits;
        private readonly int _exponentDigits;

        private ElementStyle(bool scientific, int padLeft, int padRight, int fractionDigits, int exponentDigits)
        {
            _scientific = scientific;
            _padLeft = padLeft;
            _padRight = padRight;
            _fractionDigits = fractionDigits;
            _exponentDigits = exponentDigits;
        }

        public static ElementStyle Measure<T>(Shape shape, ReadOnlySpan<T> values, bool summarize)
            where T : unmanaged, IFloatingPointIeee754<T>
        {
            // Only the elements shown count; the scientific switch looks at the finite non-zero magnitudes.
            double max = 0, min = double.PositiveInfinity;
            bool anyFinite = false, anyNonFinite = false, negativeInfinity = false;
            for (var i = 0; i < values.Length; i++)
            {
                if (summarize && !IsShown(shape, i))
                {
                    continue;
                }

                var value = values[i];
                if (!T.IsFinite(value))
                {
                    anyNonFinite = true;
                    negativeInfinity |= T.IsNegativeInfinity(value);
                    continue;
                }

                anyFinite = true;
                var magnitude = Math.Abs(double.CreateTruncating(value));
                if (magnitude != 0)
                {
                    max = Math.Max(max, magnitude);
                    min = Math.Min(min, magnitude);
                }
            }

            var scientific = max != 0 && (max >= 1e8 || min < 1e-4 || max / min > 1e3);
            int padLeft = 0, padRight = 0, fractionDigits = 0, exponentDigits = 0;
            if (anyFinite)
            {
                for (var i = 0; i < values.Length; i++)
                {
                    if ((summarize && !IsShown(shape, i)) || !T.IsFinite(values[i]))
                    {
                        continue;
                    }

                    var number = DecimalDigits.Shortest(values[i]).Capped(Precision, scientific);
                    if (scientific)
                    {
                        var (lead, digits, exponent) = number.Scientific();
                        padLeft = Math.Max(padLeft, lead.Length);
                        fractionDigits = Math.Max(fractionDigits, digits.Length);
                        exponentDigits = Math.Max(exponentDigits, Math.Max(2, Math.Abs(exponent).ToString(CultureInfo.InvariantCulture).Length));
                    }
                    else
                    {
                        var (integer, fraction) = number.Positional();
                        padLeft = Math.Max(padLeft, integer.Length);
                        padRight = Math.Max(padRight, fraction.Length);
                    }
                }

                if (scientific)
                {
                    padRight = exponentDigits + 2 + fractionDigits;
                }
            }

            if (anyNonFinite)
            {
                var offset = padRight + 1;
                padLeft = Math.Max(padLeft, Math.Max(3 - offset, 3 + (negativeInfinity ? 1 : 0) - offset));
            }

            return new ElementStyle(scientific, padLeft, padRight, fractionDigits, exponentDigits);
        }

        public string Format<T>(T value)
            where T : unmanaged, IFloatingPointIeee754<T>
        {
            if (!T.IsFinite(value))
            {
                var text = T.IsNaN(value) ? "nan" : T.IsNegative(value) ? "-inf" : "inf";
                return text.PadLeft(_padLeft + _padRight + 1);
            }

            var number = DecimalDigits.Shortest(value).Capped(Precision, _scientific);
            if (_scientific)
            {
                // Every mantissa has the same number of digits: a shorter one goes on with the exact value's digits
                // (numpy's min_digits), so float32's 0.3 shows as 3.0000001e-01 beside a value that needs 7 digits.
                if (number.Digits.Length - 1 < _fractionDigits)
                {
                    number = number.Rounded(_fractionDigits, scientific: true);
                }

                var (lead, digits, exponent) = number.Scientific();
                return lead.PadLeft(_padLeft) + "." + digits.PadRight(_fractionDigits, '0') + Exponent(exponent, _exponentDigits);
            }

            var (integer, fraction) = number.Positional();
            return integer.PadLeft(_padLeft) + "." + fraction.PadRight(_padRight);
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

    /// <summary>
    /// A finite value as decimal digits: ±0.<c>Digits</c> × 10^<c>Point</c>, with no leading or trailing zero in
    /// <c>Digits</c> (zero is <c>"0"</c> with point 1). <c>Exact</c> is the value itself, for rounding past a cap.
    /// </summary>
    private readonly record struct DecimalDigits(bool Negative, string Digits, int Point, double Exact)
    {
        private string Sign => Negative ? "-" : string.Empty;

        /// <summary>The fewest digits that give back <paramref name="value"/> in its own type (.NET's round-trip text).</summary>
        public static DecimalDigits Shortest<T>(T value)
            where T : unmanaged, IFloatingPointIeee754<T>
        {
            var text = value.ToString("R", CultureInfo.InvariantCulture);
            var negative = text.StartsWith('-');
            if (negative)
            {
                text = text.Substring(1);
            }

            var exponent = 0;
            var e = text.IndexOfAny(['E', 'e']);
            if (e >= 0)
            {
                exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                text = text.Substring(0, e);
            }

            var dot = text.IndexOf('.', StringComparison.Ordinal);
            var point = (dot < 0 ? text.Length : dot) + exponent;
            return Normalized(negative, text.Replace(".", string.Empty, StringComparison.Ordinal), point, double.CreateTruncating(value));
        }

        /// <summary>
        /// The digits with at most <paramref name="cap"/> fraction digits (of the positional form, or of the mantissa
        /// in scientific form): the shortest digits when they fit, else the exact value rounded half to even.
        /// </summary>
        public DecimalDigits Capped(int cap, bool scientific)
            => (scientific ? Digits.Length - 1 : Digits.Length - Point) <= cap ? this : Rounded(cap, scientific);

        /// <summary>
        /// The exact value rounded half to even to <paramref name="fractionDigits"/> digits after the point (of the
        /// positional form, or of the mantissa in scientific form), trailing zeros dropped.
        /// </summary>
        public DecimalDigits Rounded(int fractionDigits, bool scientific)
        {
            if (Digits == "0")
            {
                return this;
            }

            // Round |Exact| x 10^k to an integer, with k the number of digits kept after the point.
            var k = scientific ? fractionDigits - (Point - 1) : fractionDigits;
            var bits = BitConverter.DoubleToInt64Bits(Math.Abs(Exact));
            var biased = (int)((bits >> 52) & 0x7FF);
            var mantissa = new BigInteger(bits & 0xFFFFFFFFFFFFFL);
            var binaryExponent = biased == 0 ? -1074 : biased - 1075;
            if (biased != 0)
            {
                mantissa += BigInteger.One << 52;
            }

            var numerator = mantissa * (k >= 0 ? BigInteger.Pow(10, k) : BigInteger.One) * (binaryExponent > 0 ? BigInteger.One << binaryExponent : BigInteger.One);
            var denominator = (k < 0 ? BigInteger.Pow(10, -k) : BigInteger.One) * (binaryExponent < 0 ? BigInteger.One << -binaryExponent : BigInteger.One);
            var quotient = BigInteger.DivRem(numerator, denominator, out var remainder);
            var twice = remainder * 2;
            if (twice > denominator || (twice == denominator && !quotient.IsEven))
            {
                quotient += 1;
            }

            var digits = quotient.ToString(CultureInfo.InvariantCulture);
            return Normalized(Negative, digits, digits.Length - k, Exact);
        }

        /// <summary>The part before the point, sign included, and the digits after it: <c>("-0", "25")</c> for -0.25.</summary>
        public (string Integer, string Fraction) Positional()
        {
            var integer = Point <= 0 ? "0" : Point >= Digits.Length ? Digits + new string('0', Point - Digits.Length) : Digits.Substring(0, Point);
            var fraction = Point <= 0 ? new string('0', -Point) + Digits : Point >= Digits.Length ? string.Empty : Digits.Substring(Point);
            return (Sign + integer, fraction);
        }

        /// <summary>The first digit with its sign, the other digits and the exponent: <c>("1", "5", -5)</c> for 1.5e-05.</summary>
        public (string Lead, string Digits, int Exponent) Scientific()
            => (Sign + Digits[0], Digits.Substring(1), Digits == "0" ? 0 : Point - 1);

        private static DecimalDigits Normalized(bool negative, string digits, int point, double exact)
        {
            var start = 0;
            while (start < digits.Length && digits[start] == '0')
            {
                start++;
            }

            var end = digits.Length;
            while (end > start && digits[end - 1] == '0')
            {
                end--;
            }

            return start == end
                ? new DecimalDigits(negative, "0", 1, exact)
                : new DecimalDigits(negative, digits.Substring(start, end - start), point - start, exact);
        }
    }
}
