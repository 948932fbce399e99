using System;
using System.Globalization;
using System.Linq;
using ShapedTensors.Tests.Reference;
using Xunit.Sdk;

namespace ShapedTensors.Tests.Support;

/// <summary>Compares the runtime's values with the reference's for one case.</summary>
internal static class ValueCheck
{
    public const double FloatTolerance = 1e-4;
    public const double DoubleTolerance = 1e-10;

    public static double[] RandomData(Random rng, long length)
    {
        var data = new double[length];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = (rng.NextDouble() * 2) - 1;
        }

        return data;
    }

    /// <summary>Asserts, throwing with a full description on the first difference.</summary>
    public static void AssertValuesMatch(ContractionCase c, int seed, out int[] resultShape)
    {
        var problem = Check(c, seed, checkDestinationForms: true, out resultShape);
        if (problem is not null)
        {
            throw new XunitException(problem);
        }
    }

    /// <summary>
    /// Runs the case with seeded values in double and float (allocating and, optionally, destination
    /// forms) and returns a description of the first difference from the reference, or null.
    /// The case must be valid for the reference.
    /// </summary>
    public static string? Check(ContractionCase c, int seed, bool checkDestinationForms, out int[] resultShape)
    {
        var rng = new Random(seed);
        var xData = RandomData(rng, NdArray.Size(c.X));
        var yData = RandomData(rng, NdArray.Size(c.Y));
        var where = $"case [{c}] seed {seed}";

        // double
        var expected = KerasOps.Run(c, NdArray.Of(c.X, xData), NdArray.Of(c.Y, yData));
        resultShape = expected.Shape;
        var xd = DynamicTensor<double>.FromArray(new Shape(c.X), xData);
        var yd = DynamicTensor<double>.FromArray(new Shape(c.Y), yData);
        var problem = Compare(where + " (double)", expected, RuntimeRunner.Compute(c, xd, yd), DoubleTolerance);
        if (problem is not null)
        {
            return problem;
        }

        // Inputs must be unchanged by the operation.
        if (!xd.ToArray().SequenceEqual(xData) || !yd.ToArray().SequenceEqual(yData))
        {
            return $"{where} (double): the operation modified an input";
        }

        // float: the reference runs on the float-rounded inputs.
        var xf = xData.Select(v => (float)v).ToArray();
        var yf = yData.Select(v => (float)v).ToArray();
        var expectedF = KerasOps.Run(
            c,
            NdArray.Of(c.X, xf.Select(v => (double)v).ToArray()),
            NdArray.Of(c.Y, yf.Select(v => (double)v).ToArray()));
        var xt = DynamicTensor<float>.FromArray(new Shape(c.X), xf);
        var yt = DynamicTensor<float>.FromArray(new Shape(c.Y), yf);
        problem = Compare(where + " (float)", expectedF, RuntimeRunner.Compute(c, xt, yt), FloatTolerance);
        if (problem is not null)
        {
            return problem;
        }

        if (checkDestinationForms)
        {
            // Destination pre-filled with garbage: the operation must overwrite every element.
            var destD = DynamicTensor<double>.FromFunction(new Shape(expected.Shape), _ => double.NaN);
            RuntimeRunner.ComputeInto(c, xd, yd, destD);
            problem = Compare(where + " (double, destination form)", expected, destD, DoubleTolerance);
            if (problem is not null)
            {
                return problem;
            }

            var destF = DynamicTensor<float>.FromFunction(new Shape(expected.Shape), _ => float.NaN);
            RuntimeRunner.ComputeInto(c, xt, yt, destF);
            problem = Compare(where + " (float, destination form)", expectedF, destF, FloatTolerance);
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    public static string? Compare(string where, NdArray expected, DynamicTensor<double> actual, double tolerance) =>
        Compare(where, expected, actual.Shape.ToArray(), actual.ToArray(), tolerance);

    public static string? Compare(string where, NdArray expected, DynamicTensor<float> actual, double tolerance) =>
        Compare(where, expected, actual.Shape.ToArray(), actual.ToArray().Select(v => (double)v).ToArray(), tolerance);

    private static string? Compare(string where, NdArray expected, int[] actualShape, double[] actual, double tolerance)
    {
        if (!expected.Shape.SequenceEqual(actualShape))
        {
            return $"{where}: result shape {Format.Tuple(actualShape)}, reference {Format.Tuple(expected.Shape)}";
        }

        var e = expected.Data!;
        if (e.Length != actual.Length)
        {
            return $"{where}: {actual.Length} values, reference {e.Length}";
        }

        for (var i = 0; i < e.Length; i++)
        {
            var diff = Math.Abs(actual[i] - e[i]);
            if (!(diff <= tolerance * Math.Max(1, Math.Abs(e[i]))))
            {
                var index = new int[expected.Shape.Length];
                NdArray.Unravel(i, expected.Shape, index);
                return string.Create(
                    CultureInfo.InvariantCulture,
                    $"{where}: value at {Format.Tuple(index)} (flat {i}) is {actual[i]:R}, reference {e[i]:R} (diff {diff:R}, tolerance {tolerance} relative)");
            }
        }

        return null;
    }
}
