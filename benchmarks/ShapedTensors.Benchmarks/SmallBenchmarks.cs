using System.Numerics;
using BenchmarkDotNet.Attributes;
using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;
using ShapedTensors.Benchmarks.DebugCalls;
using ShapedTensors.Benchmarks.Infrastructure;
using ShapedTensors.Benchmarks.InlineStorage;
using TorchSharp;
using Canonical = ShapedTensors.Generated.ShapedTensors.Benchmarks;

namespace ShapedTensors.Benchmarks;

/// <summary>
/// 4×4·4×4 against <see cref="Matrix4x4.Multiply(Matrix4x4, Matrix4x4)"/> (the baseline). Matrix4x4 uses the
/// row-vector convention; only the time of the multiply matters here.
/// </summary>
[Workload("4x4", 2L * 4 * 4 * 4, Size = 4, Kernels = "Product_F32_4x4x4")]
public class Small4x4
{
    private Matrix4x4 _m1, _m2;
    private float[] _x = [], _y = [], _out = [];
    private F32x4 _a, _b;
    private Canonical.Float32_4x4 _c;
    private Canonical.Float32_4x4 _result; // keeps the allocating form's result observable
    private DynamicTensor<float> _dx = null!, _dy = null!, _dout = null!;
    private torch.Tensor _tx = null!, _ty = null!, _tout = null!;
    private Matrix<float> _mx = null!, _my = null!, _mout = null!;
    private DebugCase<float> _debug = null!;
    private InlineSquare4 _inline = null!;

    /// <summary>Creates the operands and checks the kernel against Matrix4x4.</summary>
    [GlobalSetup]
    public void Setup()
    {
        ShapedTensorsSettings.MaxDegreeOfParallelism = 1;
        TorchRuntime.Initialize(threads: 1);
        Control.UseManaged();
        Control.UseSingleThread();
        _x = Data.Random<float>(16, 1);
        _y = Data.Random<float>(16, 2);
        _out = new float[16];
        _m1 = new Matrix4x4(_x[0], _x[1], _x[2], _x[3], _x[4], _x[5], _x[6], _x[7], _x[8], _x[9], _x[10], _x[11], _x[12], _x[13], _x[14], _x[15]);
        _m2 = new Matrix4x4(_y[0], _y[1], _y[2], _y[3], _y[4], _y[5], _y[6], _y[7], _y[8], _y[9], _y[10], _y[11], _y[12], _y[13], _y[14], _y[15]);
        (_a, _b, _c) = (F32x4.FromArray(_x), F32x4.FromArray(_y), new());
        _dx = DynamicTensor<float>.FromArray(F32x4.Shape, _x);
        _dy = DynamicTensor<float>.FromArray(F32x4.Shape, _y);
        _dout = DynamicTensor<float>.Zeros(4, 4);
        _tx = Data.Torch(_x, 4, 4);
        _ty = Data.Torch(_y, 4, 4);
        _tout = Data.Torch(new float[16], 4, 4);
        _mx = Matrix<float>.Build.Dense(4, 4, _x);
        _my = Matrix<float>.Build.Dense(4, 4, _y);
        _mout = Matrix<float>.Build.Dense(4, 4);

        // Row-major m1 · m2 is exactly Matrix4x4's product of the same rows.
        var product = Matrix4x4.Multiply(_m1, _m2);
        _a.MatMul(_b, _c);
        float[] expected =
        [
            product.M11, product.M12, product.M13, product.M14, product.M21, product.M22, product.M23, product.M24,
            product.M31, product.M32, product.M33, product.M34, product.M41, product.M42, product.M43, product.M44,
        ];
        Data.Check<float>("MatMul 4x4", expected, _c.AsReadOnlySpan());
        _debug = DebugCases.Square(4, _x, _y);
        _debug.Run();
        Data.Check<float>("MatMul 4x4 (Debug build)", expected, _debug.Output);
        _inline = new InlineSquare4(_x, _y);
        Data.Check<float>("MatMul 4x4 (inline storage)", expected, _inline.MatMul().AsReadOnlySpan());
    }

    /// <summary>Frees the native tensors.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _tx.Dispose();
        _ty.Dispose();
        _tout.Dispose();
    }

    /// <summary>System.Numerics.Matrix4x4.Multiply.</summary>
    [Benchmark(Baseline = true)]
    public Matrix4x4 Matrix4x4Multiply() => Matrix4x4.Multiply(_m1, _m2);

    /// <summary>A textbook triple loop.</summary>
    [Benchmark]
    public float[] Naive()
    {
        Infrastructure.Naive.BatchedProduct(_x, _y, _out, 1, 4, 4, 4);
        return _out;
    }

    /// <summary>The generated kernel, allocating the result.</summary>
    [Benchmark]
    public void ShapedTensors() => _result = _a.MatMul(_b);

    /// <summary>The generated kernel, into a destination.</summary>
    [Benchmark]
    public void ShapedTensorsInto() => _a.MatMul(_b, _c);

    /// <summary>
    /// The allocating form on types with inline storage (ShapedTensorsInlineStorage, in a project of its own): the
    /// result is a value, as Matrix4x4.Multiply's is, and nothing is allocated.
    /// </summary>
    [Benchmark]
    public Generated.ShapedTensors.Benchmarks.InlineStorage.Float32_4x4 ShapedTensorsInline() => _inline.MatMul();

    /// <summary>The runtime's dynamic tensor, into a destination.</summary>
    [Benchmark]
    public void DynamicTensor() => _dx.MatMul(_dy, _dout);

    /// <summary>torch.matmul, one thread.</summary>
    [Benchmark]
    public void Torch()
    {
        using var result = torch.matmul(_tx, _ty);
    }

    /// <summary>torch addmm_ with beta = 0, into a preallocated tensor.</summary>
    [Benchmark]
    public void TorchInto() => _tout.addmm_(_tx, _ty, beta: 0, alpha: 1);

    /// <summary>MathNet.Numerics' managed provider, into a preallocated matrix.</summary>
    [Benchmark]
    public void MathNet() => _mx.Multiply(_my, _mout);

    /// <summary>The same call compiled as a Debug build compiles it (the runtime's precompiled product).</summary>
    [Benchmark]
    public void ShapedTensorsDebug() => _debug.Run();

    /// <summary>Eigen's fixed-size product (Matrix&lt;float, 4, 4, RowMajor&gt;).</summary>
    [Benchmark(OperationsPerInvoke = 1000)]
    public void Eigen() => EigenAnchors.Run(EigenCase.Square4, _x, _y, _out, 1000);
}

/// <summary>Batched small: 1000 × (16×16·16×16) with BatchDot and MatMul on (1000,16,16).</summary>
[Workload("batched 1000x16x16", 2L * 1000 * 16 * 16 * 16, Kernels = "")]
public class Batched16
{
    private float[] _x = [], _y = [], _out = [];
    private Batch16 _a, _b;
    private Canonical.Float32_1000x16x16 _c;
    private Canonical.Float32_1000x16x16 _result; // keeps the allocating form's result observable
    private DynamicTensor<float> _dx = null!, _dy = null!, _dout = null!;
    private torch.Tensor _tx = null!, _ty = null!;
    private DebugCase<float> _debug = null!;

    /// <summary>Creates the operands and checks both kernels against the runtime.</summary>
    [GlobalSetup]
    public void Setup()
    {
        ShapedTensorsSettings.MaxDegreeOfParallelism = 1;
        TorchRuntime.Initialize(threads: 1);
        _x = Data.Random<float>(Batch16.Length, 1);
        _y = Data.Random<float>(Batch16.Length, 2);
        _out = new float[Batch16.Length];
        (_a, _b, _c) = (Batch16.FromArray(_x), Batch16.FromArray(_y), new());
        _dx = DynamicTensor<float>.FromArray(Batch16.Shape, _x);
        _dy = DynamicTensor<float>.FromArray(Batch16.Shape, _y);
        _dout = DynamicTensor<float>.Zeros(1000, 16, 16);
        _tx = Data.Torch(_x, 1000, 16, 16);
        _ty = Data.Torch(_y, 1000, 16, 16);
        _dx.BatchDot(_dy, _dout);
        _a.BatchDot(_b, _c);
        Data.Check<float>("BatchDot", _dout.AsReadOnlySpan(), _c.AsReadOnlySpan());
        _c.AsSpan().Clear();
        _a.MatMul(_b, _c);
        Data.Check<float>("MatMul", _dout.AsReadOnlySpan(), _c.AsReadOnlySpan());
        _debug = DebugCases.Batched16(_x, _y);
        _debug.Run();
        Data.Check<float>("MatMul (Debug build)", _dout.AsReadOnlySpan(), _debug.Output);
    }

    /// <summary>Frees the native tensors.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _tx.Dispose();
        _ty.Dispose();
    }

    /// <summary>A textbook triple loop per batch item.</summary>
    [Benchmark(Baseline = true)]
    public float[] Naive()
    {
        Infrastructure.Naive.BatchedProduct(_x, _y, _out, 1000, 16, 16, 16);
        return _out;
    }

    /// <summary>The generated BatchDot kernel, allocating the result.</summary>
    [Benchmark]
    public void ShapedTensors() => _result = _a.BatchDot(_b);

    /// <summary>The generated BatchDot kernel, into a destination.</summary>
    [Benchmark]
    public void ShapedTensorsInto() => _a.BatchDot(_b, _c);

    /// <summary>The generated MatMul kernel, into a destination.</summary>
    [Benchmark]
    public void ShapedTensorsMatMulInto() => _a.MatMul(_b, _c);

    /// <summary>The runtime's dynamic tensor, into a destination.</summary>
    [Benchmark]
    public void DynamicTensor() => _dx.BatchDot(_dy, _dout);

    /// <summary>The MatMul call compiled as a Debug build compiles it (the runtime's precompiled product).</summary>
    [Benchmark]
    public void ShapedTensorsDebug() => _debug.Run();

    /// <summary>torch.bmm, one thread.</summary>
    [Benchmark]
    public void Torch()
    {
        using var result = torch.bmm(_tx, _ty);
    }
}

/// <summary>An N-D Dot, (8,16,32)·(16,32,64) -> (8,16,16,64): [128x32]·[32x(16·64)].</summary>
[Workload("N-D Dot (8,16,32)x(16,32,64)", 2L * 128 * 32 * 16 * 64, Kernels = "")]
public class NdDot
{
    private float[] _x = [], _y = [], _out = [];
    private NdX _a;
    private NdY _b;
    private Canonical.Float32_8x16x16x64 _c;
    private Canonical.Float32_8x16x16x64 _result; // keeps the allocating form's result observable
    private DynamicTensor<float> _dx = null!, _dy = null!, _dout = null!;
    private torch.Tensor _tx = null!, _ty = null!;
    private DebugCase<float> _debug = null!;

    /// <summary>Creates the operands and checks the kernel against the runtime.</summary>
    [GlobalSetup]
    public void Setup()
    {
        ShapedTensorsSettings.MaxDegreeOfParallelism = 1;
        TorchRuntime.Initialize(threads: 1);
        _x = Data.Random<float>(NdX.Length, 1);
        _y = Data.Random<float>(NdY.Length, 2);
        _out = new float[8 * 16 * 16 * 64];
        (_a, _b, _c) = (NdX.FromArray(_x), NdY.FromArray(_y), new());
        _dx = DynamicTensor<float>.FromArray(NdX.Shape, _x);
        _dy = DynamicTensor<float>.FromArray(NdY.Shape, _y);
        _dout = DynamicTensor<float>.Zeros(8, 16, 16, 64);
        _tx = Data.Torch(_x, 8, 16, 32);
        _ty = Data.Torch(_y, 16, 32, 64);
        _dx.Dot(_dy, _dout);
        _a.Dot(_b, _c);
        Data.Check<float>("Dot", _dout.AsReadOnlySpan(), _c.AsReadOnlySpan());
        Naive();
        Data.Check<float>("Naive Dot", _dout.AsReadOnlySpan(), _out);
        _debug = DebugCases.NdDot(_x, _y);
        _debug.Run();
        Data.Check<float>("Dot (Debug build)", _dout.AsReadOnlySpan(), _debug.Output);
    }

    /// <summary>Frees the native tensors.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _tx.Dispose();
        _ty.Dispose();
    }

    /// <summary>A textbook loop nest.</summary>
    [Benchmark(Baseline = true)]
    public float[] Naive()
    {
        Infrastructure.Naive.KerasDot(_x, _y, _out, 128, 32, 16, 64);
        return _out;
    }

    /// <summary>The generated kernel, allocating the result.</summary>
    [Benchmark]
    public void ShapedTensors() => _result = _a.Dot(_b);

    /// <summary>The generated kernel, into a destination.</summary>
    [Benchmark]
    public void ShapedTensorsInto() => _a.Dot(_b, _c);

    /// <summary>The runtime's dynamic tensor, into a destination.</summary>
    [Benchmark]
    public void DynamicTensor() => _dx.Dot(_dy, _dout);

    /// <summary>The same call compiled as a Debug build compiles it (the runtime's precompiled product).</summary>
    [Benchmark]
    public void ShapedTensorsDebug() => _debug.Run();

    /// <summary>torch.tensordot over x's axis 2 and y's axis 1 (keras.backend.dot's contraction), one thread.</summary>
    [Benchmark]
    public void Torch()
    {
        using var result = torch.tensordot(_tx, _ty, [2], [1]);
    }
}
