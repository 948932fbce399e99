using System;
using System.Globalization;
using System.Linq;
using System.Text;

namespace ShapedTensors.Tests.Reference;

/// <summary>
/// A deliberately naive n-d array of doubles (row-major) used as an independent oracle. It does not use
/// any type of the runtime. When <see cref="Data"/> is null the array is symbolic: every op still runs
/// its shape function (and so raises the same errors) but computes no values, which keeps the
/// thousands of shape-only cases cheap.
/// </summary>
internal sealed class NdArray
{
    private NdArray(int[] shape, double[]? data)
    {
        foreach (var d in shape)
        {
            if (d < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(shape), "reference arrays need dims >= 0");
            }
        }

        Shape = shape;
        Data = data;
        if (data is not null && data.Length != Size(shape))
        {
            throw new ArgumentException($"data length {data.Length} does not match shape {Format.Tf(shape)}");
        }
    }

    public int[] Shape { get; }

    public double[]? Data { get; }

    public int Rank => Shape.Length;

    public bool IsSymbolic => Data is null;

    public static NdArray Symbolic(params int[] shape) => new((int[])shape.Clone(), null);

    public static NdArray Of(int[] shape, double[] data) => new((int[])shape.Clone(), (double[])data.Clone());

    /// <summary>Internal constructor used by the ops: takes ownership.</summary>
    public static NdArray Own(int[] shape, double[]? data) => new(shape, data);

    public static long Size(int[] shape)
    {
        long n = 1;
        foreach (var d in shape)
        {
            n *= d;
        }

        return n;
    }

    public static int[] Strides(int[] shape)
    {
        var strides = new int[shape.Length];
        var s = 1;
        for (var i = shape.Length - 1; i >= 0; i--)
        {
            strides[i] = s;
            s *= shape[i];
        }

        return strides;
    }

    /// <summary>Converts a flat row-major offset into a multi-index.</summary>
    public static void Unravel(long offset, int[] shape, int[] index)
    {
        for (var i = shape.Length - 1; i >= 0; i--)
        {
            index[i] = (int)(offset % shape[i]);
            offset /= shape[i];
        }
    }

    public static long Ravel(int[] index, int[] shape)
    {
        long offset = 0;
        for (var i = 0; i < shape.Length; i++)
        {
            offset = (offset * shape[i]) + index[i];
        }

        return offset;
    }

    public double At(params int[] index) => Data![Ravel(index, Shape)];
}

/// <summary>Shape formatting, written independently of the runtime's <c>Shape</c>.</summary>
internal static class Format
{
    /// <summary>TensorFlow style: <c>[60,2]</c>, <c>[]</c>.</summary>
    public static string Tf(int[] shape) =>
        "[" + string.Join(",", shape.Select(d => d.ToString(CultureInfo.InvariantCulture))) + "]";

    /// <summary>Python tuple style: <c>(10, 12, 4, 8)</c>, <c>(3,)</c>, <c>()</c>.</summary>
    public static string Tuple(int[] shape)
    {
        if (shape.Length == 1)
        {
            return "(" + shape[0].ToString(CultureInfo.InvariantCulture) + ",)";
        }

        return "(" + string.Join(", ", shape.Select(d => d.ToString(CultureInfo.InvariantCulture))) + ")";
    }

    /// <summary>Parses <c>(3,4)</c>, <c>(3, 4)</c>, <c>(4,)</c>, <c>()</c>.</summary>
    public static int[] ParseTuple(string text)
    {
        var t = text.Trim();
        if (!t.StartsWith('(') || !t.EndsWith(')'))
        {
            throw new FormatException($"not a tuple: {text}");
        }

        var inner = t[1..^1];
        return inner.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.Parse(s, CultureInfo.InvariantCulture))
            .ToArray();
    }

    /// <summary>The TF1 graph-mode error frame.</summary>
    public static string Frame(string core, string node, string op, params int[][] inputShapes)
    {
        var sb = new StringBuilder();
        sb.Append(core).Append(" for '").Append(node).Append("' (op: '").Append(op).Append("') with input shapes: ");
        sb.Append(string.Join(", ", inputShapes.Select(Tf)));
        sb.Append('.');
        return sb.ToString();
    }
}
