using System;
using System.Numerics;
using BenchmarkDotNet.Attributes;
using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;
using ShapedTensors.Benchmarks.DebugCalls;
using ShapedTensors.Benchmarks.Infrastructure;
using TorchSharp;
using Canonical = ShapedTensors.Generated.ShapedTensors.Benchmarks;

namespace ShapedTensors.Benchmarks;

/// <summary>
/// The baselines of a square N×N·N×N product: a naive loop, DynamicTensor, TorchSharp (allocating and
/// in place) and MathNet's managed provider, all single-threaded. Each derived class adds the ShapedTensors
/// calls for its size (a kernel is generated per call site, so each size writes its own calls).
/// </summary>
/// <typeparam name="T">float or double.</typeparam>
public abstract class SquareCase<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private T[] _out = [];
    private DynamicTensor<T> _dx = null!, _dy = null!, _dout = null!;
    private torch.Tensor _tx = null!, _ty = null!, _tout = null!;
    private Matrix<T> _mx = null!, _my = null!, _mout = null!;
    private DebugCase<T> _debug = null!;

    /// <summary>The size N.</summary>
    protected abstract int Size { get; }

    /// <summary>The left operand, row-major.</summary>
    protected T[] X { get; private set; } = [];

    /// <summary>The right operand, row-major.</summary>
    protected T[] Y { get; private set; } = [];

    /// <summary>Creates every operand; ShapedTensors and libtorch each run on one thread.</summary>
    [GlobalSetup]
    public void Setup() => SetupWith(threads: 1);

    /// <summary>Frees the native tensors.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _tx?.Dispose();
        _ty?.Dispose();
        _tout?.Dispose();
    }

    /// <summary>A textbook triple loop.</summary>
    [Benchmark(Baseline = true)]
    public T[] Naive()
    {
        Infrastructure.Naive.BatchedProduct(X, Y, _out, 1, Size, Size, Size);
        return _out;
    }

    /// <summary>The runtime's dynamic tensor, into a destination.</summary>
    [Benchmark]
    public void DynamicTensor() => _dx.MatMul(_dy, _dout);

    /// <summary>torch.matmul, which allocates its result.</summary>
    [Benchmark]
    public void Torch()
    {
        using var result = torch.matmul(_tx, _ty);
    }

    /// <summary>torch addmm_ with beta = 0: the product into a preallocated tensor.</summary>
    [Benchmark]
    public void TorchInto() => _tout.addmm_(_tx, _ty, beta: 0, alpha: 1);

    /// <summary>MathNet.Numerics' managed provider, single-threaded, into a preallocated matrix.</summary>
    [Benchmark]
    public void MathNet() => _mx.Multiply(_my, _mout);

    /// <summary>OpenBLAS' sgemm/dgemm (what numpy runs), into a preallocated output, on one thread.</summary>
    [Benchmark]
    public void OpenBlas()
    {
        switch (X)
        {
            case float[] x:
                Infrastructure.OpenBlas.Multiply(x, (float[])(object)Y, (float[])(object)_out, Size);
                break;
            case double[] x:
                Infrastructure.OpenBlas.Multiply(x, (double[])(object)Y, (double[])(object)_out, Size);
                break;
        }
    }

    /// <summary>The same call compiled as a Debug build compiles it (no emitted kernel; the runtime's precompiled product).</summary>
    [Benchmark]
    public void ShapedTensorsDebug() => _debug.Run();

    /// <summary>
    /// Creates the operands of every implementation and checks the ShapedTensors result; ShapedTensors' large
    /// products and libtorch may use <paramref name="threads"/> threads.
    /// </summary>
    protected void SetupWith(int threads)
    {
        ShapedTensorsSettings.MaxDegreeOfParallelism = threads;
        TorchRuntime.Initialize(threads);
        Control.UseManaged();
        Control.UseSingleThread();
        var n = Size;
        X = Data.Random<T>(n * n, 1);
        Y = Data.Random<T>(n * n, 2);
        _out = new T[n * n];
        _dx = DynamicTensor<T>.FromArray(new Shape(n, n), X);
        _dy = DynamicTensor<T>.FromArray(new Shape(n, n), Y);
        _dout = DynamicTensor<T>.Zeros(n, n);
        _tx = Data.Torch(X, n, n);
        _ty = Data.Torch(Y, n, n);
        _tout = Data.Torch(new T[n * n], n, n);
        _mx = Matrix<T>.Build.Dense(n, n, X);
        _my = Matrix<T>.Build.Dense(n, n, Y);
        _mout = Matrix<T>.Build.Dense(n, n);
        _dx.MatMul(_dy, _dout);
        Data.Check<T>($"MatMul {n}x{n}", _dout.AsReadOnlySpan(), ShapedProduct());
        _debug = X is double[] x64 ? (DebugCase<T>)(object)DebugCases.SquareF64(x64, (double[])(object)Y) : (DebugCase<T>)(object)DebugCases.Square(n, (float[])(object)X, (float[])(object)Y);
        _debug.Run();
        Data.Check<T>($"MatMul {n}x{n} (Debug build)", _dout.AsReadOnlySpan(), _debug.Output);
        if (OperatingSystem.IsLinux())
        {
            try
            {
                Infrastructure.OpenBlas.SetThreads(threads);
            }
            catch (DllNotFoundException)
            {
                // Not installed: the OpenBlas rows fail alone (benchmarks/run.sh installs it).
            }
        }
    }

    /// <summary>Creates the shaped operands from <see cref="X"/> and <see cref="Y"/>, runs the kernel into its destination once and returns it.</summary>
    protected abstract ReadOnlySpan<T> ShapedProduct();
}

/// <summary>8×8 float32.</summary>
[Workload("square f32", 2L * 8 * 8 * 8, Size = 8, Kernels = "Product_F32_8x8x8")]
public class Square0008 : SquareCase<float>
{
    private F32x8 _a, _b;
    private Canonical.Float32_8x8 _c;
    private Canonical.Float32_8x8 _result; // keeps the allocating form's result observable

    private readonly float[] _eigenOut = new float[8 * 8];

    /// <summary>Eigen's fixed-size product (Matrix&lt;float, 8, 8, RowMajor&gt;), as C++ code would call it.</summary>
    [Benchmark(OperationsPerInvoke = 1000)]
    public void Eigen() => EigenAnchors.Run(EigenCase.Square8, X, Y, _eigenOut, 1000);

    /// <inheritdoc/>
    protected override int Size => 8;

    /// <summary>The generated kernel, allocating the result.</summary>
    [Benchmark]
    public void ShapedTensors() => _result = _a.MatMul(_b);

    /// <summary>The generated kernel, into a destination.</summary>
    [Benchmark]
    public void ShapedTensorsInto() => _a.MatMul(_b, _c);

    /// <inheritdoc/>
    protected override ReadOnlySpan<float> ShapedProduct()
    {
        (_a, _b, _c) = (F32x8.FromArray(X), F32x8.FromArray(Y), new());
        ShapedTensorsInto();
        return _c.AsReadOnlySpan();
    }
}

/// <summary>16×16 float32.</summary>
[Workload("square f32", 2L * 16 * 16 * 16, Size = 16, Kernels = "")]
public class Square0016 : SquareCase<float>
{
    private F32x16 _a, _b;
    private Canonical.Float32_16x16 _c;
    private Canonical.Float32_16x16 _result; // keeps the allocating form's result observable

    private readonly float[] _eigenOut = new float[16 * 16];

    /// <summary>Eigen's fixed-size product (Matrix&lt;float, 16, 16, RowMajor&gt;), as C++ code would call it.</summary>
    [Benchmark(OperationsPerInvoke = 100)]
    public void Eigen() => EigenAnchors.Run(EigenCase.Square16, X, Y, _eigenOut, 100);

    /// <inheritdoc/>
    protected override int Size => 16;

    /// <summary>The generated kernel, allocating the result.</summary>
    [Benchmark]
    public void ShapedTensors() => _result = _a.MatMul(_b);

    /// <summary>The generated kernel, into a destination.</summary>
    [Benchmark]
    public void ShapedTensorsInto() => _a.MatMul(_b, _c);

    /// <inheritdoc/>
    protected override ReadOnlySpan<float> ShapedProduct()
    {
        (_a, _b, _c) = (F32x16.FromArray(X), F32x16.FromArray(Y), new());
        ShapedTensorsInto();
        return _c.AsReadOnlySpan();
    }
}

/// <summary>32×32 float32.</summary>
[Workload("square f32", 2L * 32 * 32 * 32, Size = 32, Kernels = "")]
public class Square0032 : SquareCase<float>
{
    private F32x32 _a, _b;
    private Canonical.Float32_32x32 _c;
    private Canonical.Float32_32x32 _result; // keeps the allocating form's result observable

    private readonly float[] _eigenOut = new float[32 * 32];

    /// <summary>Eigen's fixed-size product (Matrix&lt;float, 32, 32, RowMajor&gt;), as C++ code would call it.</summary>
    [Benchmark(OperationsPerInvoke = 10)]
    public void Eigen() => EigenAnchors.Run(EigenCase.Square32, X, Y, _eigenOut, 10);

    /// <inheritdoc/>
    protected override int Size => 32;

    /// <summary>The generated kernel, allocating the result.</summary>
    [Benchmark]
    public void ShapedTensors() => _result = _a.MatMul(_b);

    /// <summary>The generated kernel, into a destination.</summary>
    [Benchmark]
    public void ShapedTensorsInto() => _a.MatMul(_b, _c);

    /// <inheritdoc/>
    protected override ReadOnlySpan<float> ShapedProduct()
    {
        (_a, _b, _c) = (F32x32.FromArray(X), F32x32.FromArray(Y), new());
        ShapedTensorsInto();
        return _c.AsReadOnlySpan();
    }
}

/// <summary>64×64 float32.</summary>
[Workload("square f32", 2L * 64 * 64 * 64, Size = 64, Kernels = "")]
public class Square0064 : SquareCase<float>
{
    private F32x64 _a, _b;
    private Canonical.Float32_64x64 _c;
    private Canonical.Float32_64x64 _result; // keeps the allocating form's result observable

    /// <inheritdoc/>
    protected override int Size => 64;

    /// <summary>The generated kernel, allocating the result.</summary>
    [Benchmark]
    public void ShapedTensors() => _result = _a.MatMul(_b);

    /// <summary>The generated kernel, into a destination.</summary>
    [Benchmark]
    public void ShapedTensorsInto() => _a.MatMul(_b, _c);

    /// <inheritdoc/>
    protected override ReadOnlySpan<float> ShapedProduct()
    {
        (_a, _b, _c) = (F32x64.FromArray(X), F32x64.FromArray(Y), new());
        ShapedTensorsInto();
        return _c.AsReadOnlySpan();
    }
}

/// <summary>128×128 float32.</summary>
[Workload("square f32", 2L * 128 * 128 * 128, Size = 128, Kernels = "")]
public class Square0128 : SquareCase<float>
{
    private F32x128 _a, _b;
    private Canonical.Float32_128x128 _c;
    private Canonical.Float32_128x128 _result; // keeps the allocating form's result observable

    /// <inheritdoc/>
    protected override int Size => 128;

    /// <summary>The generated kernel, allocating the result.</summary>
    [Benchmark]
    public void ShapedTensors() => _result = _a.MatMul(_b);

    /// <summary>The generated kernel, into a destination.</summary>
    [Benchmark]
    public void ShapedTensorsInto() => _a.MatMul(_b, _c);

    /// <inheritdoc/>
    protected override ReadOnlySpan<float> ShapedProduct()
    {
        (_a, _b, _c) = (F32x128.FromArray(X), F32x128.FromArray(Y), new());
        ShapedTensorsInto();
        return _c.AsReadOnlySpan();
    }
}

/// <summary>256×256 float32.</summary>
[Workload("square f32", 2L * 256 * 256 * 256, Size = 256, Kernels = "")]
public class Square0256 : SquareCase<float>
{
    private F32x256 _a, _b;
    private Canonical.Float32_256x256 _c;
    private Canonical.Float32_256x256 _result; // keeps the allocating form's result observable

    /// <inheritdoc/>
    protected override int Size => 256;

    /// <summary>The generated kernel, allocating the result.</summary>
    [Benchmark]
    public void ShapedTensors() => _result = _a.MatMul(_b);

    /// <summary>The generated kernel, into a destination.</summary>
    [Benchmark]
    public void ShapedTensorsInto() => _a.MatMul(_b, _c);

    /// <inheritdoc/>
    protected override ReadOnlySpan<float> ShapedProduct()
    {
        (_a, _b, _c) = (F32x256.FromArray(X), F32x256.FromArray(Y), new());
        ShapedTensorsInto();
        return _c.AsReadOnlySpan();
    }
}

/// <summary>512×512 float32, plus libtorch on both cores.</summary>
[Workload("square f32", 2L * 512 * 512 * 512, Size = 512, Kernels = "")]
public class Square0512 : SquareCase<float>
{
    private F32x512 _a, _b;
    private Canonical.Float32_512x512 _c;
    private Canonical.Float32_512x512 _result; // keeps the allocating form's result observable

    /// <inheritdoc/>
    protected override int Size => 512;

    /// <summary>ShapedTensors and libtorch with two threads.</summary>
    [GlobalSetup(Targets = [nameof(TorchTwoThreads), nameof(ShapedTensorsIntoTwoThreads), nameof(OpenBlasTwoThreads)])]
    public void SetupTwoThreads() => SetupWith(threads: 2);

    /// <summary>OpenBLAS on two threads.</summary>
    [Benchmark]
    public void OpenBlasTwoThreads() => OpenBlas();

    /// <summary>The generated kernel, allocating the result.</summary>
    [Benchmark]
    public void ShapedTensors() => _result = _a.MatMul(_b);

    /// <summary>The generated kernel, into a destination.</summary>
    [Benchmark]
    public void ShapedTensorsInto() => _a.MatMul(_b, _c);

    /// <summary>The generated kernel, into a destination, with two threads (ShapedTensorsSettings.MaxDegreeOfParallelism = 2).</summary>
    [Benchmark]
    public void ShapedTensorsIntoTwoThreads() => ShapedTensorsInto();

    /// <summary>torch.matmul on two threads.</summary>
    [Benchmark]
    public void TorchTwoThreads() => Torch();

    /// <inheritdoc/>
    protected override ReadOnlySpan<float> ShapedProduct()
    {
        (_a, _b, _c) = (F32x512.FromArray(X), F32x512.FromArray(Y), new());
        ShapedTensorsInto();
        return _c.AsReadOnlySpan();
    }
}

/// <summary>1024×1024 float32, plus libtorch on both cores.</summary>
[Workload("square f32", 2L * 1024 * 1024 * 1024, Size = 1024, Kernels = "")]
public class Square1024 : SquareCase<float>
{
    private F32x1024 _a, _b;
    private Canonical.Float32_1024x1024 _c;
    private Canonical.Float32_1024x1024 _result; // keeps the allocating form's result observable

    /// <inheritdoc/>
    protected override int Size => 1024;

    /// <summary>ShapedTensors and libtorch with two threads.</summary>
    [GlobalSetup(Targets = [nameof(TorchTwoThreads), nameof(ShapedTensorsIntoTwoThreads), nameof(OpenBlasTwoThreads)])]
    public void SetupTwoThreads() => SetupWith(threads: 2);

    /// <summary>OpenBLAS on two threads.</summary>
    [Benchmark]
    public void OpenBlasTwoThreads() => OpenBlas();

    /// <summary>The generated kernel, allocating the result.</summary>
    [Benchmark]
    public void ShapedTensors() => _result = _a.MatMul(_b);

    /// <summary>The generated kernel, into a destination.</summary>
    [Benchmark]
    public void ShapedTensorsInto() => _a.MatMul(_b, _c);

    /// <summary>The generated kernel, into a destination, with two threads (ShapedTensorsSettings.MaxDegreeOfParallelism = 2).</summary>
    [Benchmark]
    public void ShapedTensorsIntoTwoThreads() => ShapedTensorsInto();

    /// <summary>torch.matmul on two threads.</summary>
    [Benchmark]
    public void TorchTwoThreads() => Torch();

    /// <inheritdoc/>
    protected override ReadOnlySpan<float> ShapedProduct()
    {
        (_a, _b, _c) = (F32x1024.FromArray(X), F32x1024.FromArray(Y), new());
        ShapedTensorsInto();
        return _c.AsReadOnlySpan();
    }
}

/// <summary>256×256 float64.</summary>
[Workload("square f64", 2L * 256 * 256 * 256, Size = 256, Kernels = "")]
public class Square0256F64 : SquareCase<double>
{
    private F64x256 _a, _b;
    private Canonical.Float64_256x256 _c;
    private Canonical.Float64_256x256 _result; // keeps the allocating form's result observable

    /// <inheritdoc/>
    protected override int Size => 256;

    /// <summary>The generated kernel, allocating the result.</summary>
    [Benchmark]
    public void ShapedTensors() => _result = _a.MatMul(_b);

    /// <summary>The generated kernel, into a destination.</summary>
    [Benchmark]
    public void ShapedTensorsInto() => _a.MatMul(_b, _c);

    /// <inheritdoc/>
    protected override ReadOnlySpan<double> ShapedProduct()
    {
        (_a, _b, _c) = (F64x256.FromArray(X), F64x256.FromArray(Y), new());
        ShapedTensorsInto();
        return _c.AsReadOnlySpan();
    }
}
