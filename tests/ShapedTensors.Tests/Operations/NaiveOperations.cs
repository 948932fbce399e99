using System;
using System.Collections.Generic;
using System.Linq;

namespace ShapedTensors.Tests.Operations;

/// <summary>
/// numpy's semantics written the slow, obvious way (in double, one element at a time over explicit multi-indices),
/// independent of the kernels' strided layouts: the reference the kernel tests compare with.
/// </summary>
internal static class NaiveOperations
{
    /// <summary>Every multi-index of <paramref name="dims"/> in row-major order.</summary>
    public static IEnumerable<int[]> Indices(int[] dims)
    {
        if (dims.Any(d => d == 0))
        {
            yield break;
        }

        var index = new int[dims.Length];
        while (true)
        {
            yield return (int[])index.Clone();
            var axis = dims.Length - 1;
            for (; axis >= 0; axis--)
            {
                if (++index[axis] < dims[axis])
                {
                    break;
                }

                index[axis] = 0;
            }

            if (axis < 0)
            {
                yield break;
            }
        }
    }

    /// <summary>The row-major offset of <paramref name="index"/> in <paramref name="dims"/>.</summary>
    public static int Offset(int[] dims, int[] index)
    {
        var offset = 0;
        for (var axis = 0; axis < dims.Length; axis++)
        {
            offset = (offset * dims[axis]) + index[axis];
        }

        return offset;
    }

    public static int Count(int[] dims) => dims.Aggregate(1, (a, b) => a * b);

    public static int[] BroadcastShape(int[] x, int[] y)
    {
        var rank = Math.Max(x.Length, y.Length);
        var result = new int[rank];
        for (var i = 0; i < rank; i++)
        {
            var dx = i - (rank - x.Length) >= 0 ? x[i - (rank - x.Length)] : 1;
            var dy = i - (rank - y.Length) >= 0 ? y[i - (rank - y.Length)] : 1;
            result[i] = dx == 1 ? dy : dx;
        }

        return result;
    }

    public static double[] Broadcast(ElementwiseOperation operation, double[] x, int[] xDims, double[] y, int[] yDims)
    {
        var dims = BroadcastShape(xDims, yDims);
        var result = new double[Count(dims)];
        foreach (var index in Indices(dims))
        {
            var a = x[Offset(xDims, Project(index, xDims))];
            var b = y[Offset(yDims, Project(index, yDims))];
            result[Offset(dims, index)] = operation switch
            {
                ElementwiseOperation.Add => a + b,
                ElementwiseOperation.Subtract => a - b,
                ElementwiseOperation.Multiply => a * b,
                ElementwiseOperation.Divide => a / b,
                ElementwiseOperation.Maximum => Math.Max(a, b),
                _ => Math.Min(a, b),
            };
        }

        return result;
    }

    // The operand's index for a result index: its own trailing axes, 0 where it has a 1.
    private static int[] Project(int[] index, int[] dims)
    {
        var own = new int[dims.Length];
        for (var axis = 0; axis < dims.Length; axis++)
        {
            own[axis] = dims[axis] == 1 ? 0 : index[index.Length - dims.Length + axis];
        }

        return own;
    }

    public static double Unary(UnaryOperation operation, double x) => operation switch
    {
        UnaryOperation.Relu => x > 0 ? x : 0,
        UnaryOperation.Sigmoid => 1 / (1 + Math.Exp(-x)),
        UnaryOperation.Tanh => Math.Tanh(x),
        UnaryOperation.Exp => Math.Exp(x),
        UnaryOperation.Log => Math.Log(x),
        UnaryOperation.Sqrt => Math.Sqrt(Math.Max(x, 0)),
        UnaryOperation.Abs => Math.Abs(x),
        UnaryOperation.Softplus => Math.Log(1 + Math.Exp(x)),
        _ => -x,
    };

    public static double[] Softmax(double[] x, int[] dims, int axis)
    {
        var result = new double[x.Length];
        foreach (var index in Indices(dims).Where(i => i[axis] == 0))
        {
            var at = (int k) =>
            {
                var i = (int[])index.Clone();
                i[axis] = k;
                return Offset(dims, i);
            };
            var max = Enumerable.Range(0, dims[axis]).Max(k => x[at(k)]);
            var sum = Enumerable.Range(0, dims[axis]).Sum(k => Math.Exp(x[at(k)] - max));
            for (var k = 0; k < dims[axis]; k++)
            {
                result[at(k)] = Math.Exp(x[at(k)] - max) / sum;
            }
        }

        return result;
    }

    /// <summary>The reduction over <paramref name="axes"/> (normalized), in the kept axes' row-major order.</summary>
    public static double[] Reduce(ReductionOperation operation, double[] x, int[] dims, int[] axes)
    {
        var kept = dims.Select((d, axis) => axes.Contains(axis) ? 1 : d).ToArray();
        var groups = new List<double>[Count(kept)];
        for (var i = 0; i < groups.Length; i++)
        {
            groups[i] = [];
        }

        foreach (var index in Indices(dims))
        {
            var target = index.Select((v, axis) => axes.Contains(axis) ? 0 : v).ToArray();
            groups[Offset(kept, target)].Add(x[Offset(dims, index)]);
        }

        return groups.Select(g => operation switch
        {
            ReductionOperation.Sum => g.Sum(),
            ReductionOperation.Mean => g.Count == 0 ? double.NaN : g.Average(),
            ReductionOperation.Max => g.Count == 0 ? double.NegativeInfinity : g.Max(),
            ReductionOperation.Prod => g.Aggregate(1.0, (product, v) => product * v),
            _ => g.Count == 0 ? double.PositiveInfinity : g.Min(),
        }).ToArray();
    }

    public static double[] Transpose(double[] x, int[] dims, int[] permutation)
    {
        var resultDims = permutation.Select(p => dims[p]).ToArray();
        var result = new double[x.Length];
        foreach (var index in Indices(resultDims))
        {
            var source = new int[dims.Length];
            for (var axis = 0; axis < permutation.Length; axis++)
            {
                source[permutation[axis]] = index[axis];
            }

            result[Offset(resultDims, index)] = x[Offset(dims, source)];
        }

        return result;
    }

    public static double[] Concatenate(int axis, (double[] Data, int[] Dims)[] operands)
    {
        var dims = (int[])operands[0].Dims.Clone();
        dims[axis] = operands.Sum(o => o.Dims[axis]);
        var result = new double[Count(dims)];
        var before = 0;
        foreach (var (data, own) in operands)
        {
            foreach (var index in Indices(own))
            {
                var target = (int[])index.Clone();
                target[axis] += before;
                result[Offset(dims, target)] = data[Offset(own, index)];
            }

            before += own[axis];
        }

        return result;
    }
}
