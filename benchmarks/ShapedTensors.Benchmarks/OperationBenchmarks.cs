using System;
using BenchmarkDotNet.Attributes;
using ShapedTensors.Benchmarks.Infrastructure;
using Primitives = System.Numerics.Tensors.TensorPrimitives;

namespace ShapedTensors.Benchmarks;

// The kernels of OPS.md's operations (issue 11) through the entry points generated code calls, against a plain loop
// and, where one call computes the same thing, TensorPrimitives. One element is counted as one operation. Run with
// --filter '*Operation*'.

/// <summary>(1024, 1024) + (1024, 1024).</summary>
[Workload("op add 1024x1024", 1024L * 1024, Kernels = "runtime")]
public class OperationAdd
{
    private static readonly Shape Square = new(1024, 1024);
    private float[] _x = [], _y = [], _out = [];

    /// <summary>Creates the operands and checks the kernel against the loop.</summary>
    [GlobalSetup]
    public void Setup()
    {
        (_x, _y, _out) = (Data.Random<float>(1 << 20, 1), Data.Random<float>(1 << 20, 2), new float[1 << 20]);
        OperationChecks.Compare("add", EntryPoint, Naive, _out);
    }

    /// <summary>GeneratedCodeSupport.Broadcast (same shapes: one TensorPrimitives.Add).</summary>
    [Benchmark]
    public void EntryPoint() => GeneratedCodeSupport.Broadcast<float>(ElementwiseOperation.Add, _x, Square, _y, Square, _out, Square);

    /// <summary>TensorPrimitives.Add on the whole arrays.</summary>
    [Benchmark(Baseline = true)]
    public void TensorPrimitives() => Primitives.Add<float>(_x, _y, _out);

    /// <summary>A plain loop.</summary>
    [Benchmark]
    public void Naive()
    {
        for (var i = 0; i < _out.Length; i++)
        {
            _out[i] = _x[i] + _y[i];
        }
    }
}

/// <summary>(256, 1024) + (1024,): a bias added to every row.</summary>
[Workload("op bias add 256x1024", 256L * 1024, Kernels = "runtime")]
public class OperationBiasAdd
{
    private static readonly Shape Rows = new(256, 1024), Bias = new(1024);
    private float[] _x = [], _bias = [], _out = [];

    /// <summary>Creates the operands and checks the kernel against the loop.</summary>
    [GlobalSetup]
    public void Setup()
    {
        (_x, _bias, _out) = (Data.Random<float>(256 * 1024, 1), Data.Random<float>(1024, 2), new float[256 * 1024]);
        OperationChecks.Compare("bias add", EntryPoint, Naive, _out);
    }

    /// <summary>GeneratedCodeSupport.Broadcast (one TensorPrimitives.Add per row).</summary>
    [Benchmark]
    public void EntryPoint() => GeneratedCodeSupport.Broadcast<float>(ElementwiseOperation.Add, _x, Rows, _bias, Bias, _out, Rows);

    /// <summary>TensorPrimitives.Add row by row, written by hand.</summary>
    [Benchmark(Baseline = true)]
    public void TensorPrimitives()
    {
        for (var row = 0; row < 256; row++)
        {
            Primitives.Add<float>(_x.AsSpan(row * 1024, 1024), _bias, _out.AsSpan(row * 1024, 1024));
        }
    }

    /// <summary>A plain loop.</summary>
    [Benchmark]
    public void Naive()
    {
        for (var row = 0; row < 256; row++)
        {
            for (var j = 0; j < 1024; j++)
            {
                _out[(row * 1024) + j] = _x[(row * 1024) + j] + _bias[j];
            }
        }
    }
}

/// <summary>Relu of 1M elements.</summary>
[Workload("op relu 1M", 1L << 20, Kernels = "runtime")]
public class OperationRelu
{
    private float[] _x = [], _out = [];

    /// <summary>Creates the operand (half negative) and checks the kernel against the loop.</summary>
    [GlobalSetup]
    public void Setup()
    {
        (_x, _out) = (Data.Random<float>(1 << 20, 1), new float[1 << 20]);
        Primitives.Subtract<float>(_x, 0.5f, _x);
        OperationChecks.Compare("relu", EntryPoint, Naive, _out);
    }

    /// <summary>GeneratedCodeSupport.Unary (TensorPrimitives.Max with 0).</summary>
    [Benchmark]
    public void EntryPoint() => GeneratedCodeSupport.Unary<float>(UnaryOperation.Relu, _x, _out);

    /// <summary>TensorPrimitives.Max with 0.</summary>
    [Benchmark(Baseline = true)]
    public void TensorPrimitives() => Primitives.Max<float>(_x, 0f, _out);

    /// <summary>A plain loop.</summary>
    [Benchmark]
    public void Naive()
    {
        for (var i = 0; i < _out.Length; i++)
        {
            _out[i] = _x[i] > 0f ? _x[i] : 0f;
        }
    }
}

/// <summary>Softmax of (256, 1024) along the last axis.</summary>
[Workload("op softmax 256x1024", 256L * 1024, Kernels = "runtime")]
public class OperationSoftmax
{
    private static readonly Shape Rows = new(256, 1024);
    private float[] _x = [], _out = [];

    /// <summary>Creates the operand and checks the kernel against the loop.</summary>
    [GlobalSetup]
    public void Setup()
    {
        (_x, _out) = (Data.Random<float>(256 * 1024, 1), new float[256 * 1024]);
        OperationChecks.Compare("softmax", EntryPoint, Naive, _out);
    }

    /// <summary>GeneratedCodeSupport.Softmax (max-subtracted, vectorized per row).</summary>
    [Benchmark]
    public void EntryPoint() => GeneratedCodeSupport.Softmax<float>(_x, Rows, 1, _out);

    /// <summary>TensorPrimitives.SoftMax per row (not max-subtracted: it overflows above about 88).</summary>
    [Benchmark(Baseline = true)]
    public void TensorPrimitives()
    {
        for (var row = 0; row < 256; row++)
        {
            Primitives.SoftMax<float>(_x.AsSpan(row * 1024, 1024), _out.AsSpan(row * 1024, 1024));
        }
    }

    /// <summary>A plain loop, max-subtracted.</summary>
    [Benchmark]
    public void Naive()
    {
        for (var row = 0; row < 256; row++)
        {
            var start = row * 1024;
            var max = float.NegativeInfinity;
            for (var j = 0; j < 1024; j++)
            {
                max = MathF.Max(max, _x[start + j]);
            }

            var sum = 0f;
            for (var j = 0; j < 1024; j++)
            {
                sum += _out[start + j] = MathF.Exp(_x[start + j] - max);
            }

            for (var j = 0; j < 1024; j++)
            {
                _out[start + j] /= sum;
            }
        }
    }
}

/// <summary>Sum of (256, 1024) over the last axis.</summary>
[Workload("op sum last axis 256x1024", 256L * 1024, Kernels = "runtime")]
public class OperationSum
{
    private static readonly Shape Rows = new(256, 1024);
    private float[] _x = [], _out = [];

    /// <summary>Creates the operand and checks the kernel against the loop.</summary>
    [GlobalSetup]
    public void Setup()
    {
        (_x, _out) = (Data.Random<float>(256 * 1024, 1), new float[256]);
        OperationChecks.Compare("sum", EntryPoint, Naive, _out);
    }

    /// <summary>GeneratedCodeSupport.Reduce (one TensorPrimitives.Sum per row).</summary>
    [Benchmark]
    public void EntryPoint() => GeneratedCodeSupport.Reduce<float>(ReductionOperation.Sum, _x, Rows, [1], _out);

    /// <summary>TensorPrimitives.Sum row by row, written by hand.</summary>
    [Benchmark(Baseline = true)]
    public void TensorPrimitives()
    {
        for (var row = 0; row < 256; row++)
        {
            _out[row] = Primitives.Sum<float>(_x.AsSpan(row * 1024, 1024));
        }
    }

    /// <summary>A plain loop.</summary>
    [Benchmark]
    public void Naive()
    {
        for (var row = 0; row < 256; row++)
        {
            var sum = 0f;
            for (var j = 0; j < 1024; j++)
            {
                sum += _x[(row * 1024) + j];
            }

            _out[row] = sum;
        }
    }
}

/// <summary>Transpose of (1024, 1024).</summary>
[Workload("op transpose 1024x1024", 1024L * 1024, Kernels = "runtime")]
public class OperationTranspose
{
    private static readonly Shape Square = new(1024, 1024);
    private float[] _x = [], _out = [];

    /// <summary>Creates the operand and checks the kernel against the loop.</summary>
    [GlobalSetup]
    public void Setup()
    {
        (_x, _out) = (Data.Random<float>(1 << 20, 1), new float[1 << 20]);
        OperationChecks.Compare("transpose", EntryPoint, Naive, _out);
    }

    /// <summary>GeneratedCodeSupport.Transpose (32×32 tiles).</summary>
    [Benchmark]
    public void EntryPoint() => GeneratedCodeSupport.Transpose<float>(_x, Square, [1, 0], _out);

    /// <summary>A plain loop (the baseline: TensorPrimitives has no transpose).</summary>
    [Benchmark(Baseline = true)]
    public void Naive()
    {
        for (var i = 0; i < 1024; i++)
        {
            for (var j = 0; j < 1024; j++)
            {
                _out[(i * 1024) + j] = _x[(j * 1024) + i];
            }
        }
    }
}

/// <summary>The setup check of every operation benchmark: the entry point's output equals the plain loop's.</summary>
internal static class OperationChecks
{
    public static void Compare(string what, Action kernel, Action naive, float[] output)
    {
        kernel();
        var computed = (float[])output.Clone();
        naive();
        Data.Check<float>(what, output, computed);
    }
}
