using BenchmarkDotNet.Attributes;
using ShapedTensors.Benchmarks.DebugCalls;
using ShapedTensors.Benchmarks.Infrastructure;
using TorchSharp;
using Canonical = ShapedTensors.Generated.ShapedTensors.Benchmarks;

namespace ShapedTensors.Benchmarks;

/// <summary>The seed's BatchDot (10,12,4,5)·(10,12,5,8): 120 products of [4x5]·[5x8].</summary>
[Workload("seed BatchDot", 2L * 120 * 4 * 5 * 8, Kernels = "Product_F32_120x4x5x8")]
public class SeedBatchDot
{
    private float[] _x = [], _y = [], _out = [];
    private SeedW _w;
    private SeedK _k;
    private Canonical.Float32_10x12x4x8 _destination;
    private Canonical.Float32_10x12x4x8 _result; // keeps the allocating form's result observable
    private DynamicTensor<float> _dx = null!, _dy = null!, _dout = null!;
    private torch.Tensor _tx = null!, _ty = null!;
    private DebugCase<float> _debug = null!;

    /// <summary>Creates the inputs and checks the kernel against the runtime.</summary>
    [GlobalSetup]
    public void Setup()
    {
        ShapedTensorsSettings.MaxDegreeOfParallelism = 1;
        TorchRuntime.Initialize(threads: 1);
        _x = Data.Random<float>(SeedW.Length, 1);
        _y = Data.Random<float>(SeedK.Length, 2);
        _out = new float[10 * 12 * 4 * 8];
        _w = SeedW.FromArray(_x);
        _k = SeedK.FromArray(_y);
        _destination = new Canonical.Float32_10x12x4x8();
        _dx = DynamicTensor<float>.FromArray(SeedW.Shape, _x);
        _dy = DynamicTensor<float>.FromArray(SeedK.Shape, _y);
        _dout = DynamicTensor<float>.Zeros(10, 12, 4, 8);
        _tx = Data.Torch(_x, 10, 12, 4, 5);
        _ty = Data.Torch(_y, 10, 12, 5, 8);
        _dx.BatchDot(_dy, _dout);
        _w.BatchDot(_k, _destination);
        Data.Check<float>("BatchDot", _dout.AsReadOnlySpan(), _destination.AsReadOnlySpan());
        _debug = DebugCases.SeedBatchDot(_x, _y);
        _debug.Run();
        Data.Check<float>("BatchDot (Debug build)", _dout.AsReadOnlySpan(), _debug.Output);
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
        Infrastructure.Naive.BatchedProduct(_x, _y, _out, 120, 4, 5, 8);
        return _out;
    }

    /// <summary>The generated kernel, allocating the result.</summary>
    [Benchmark]
    public void ShapedTensors() => _result = _w.BatchDot(_k);

    /// <summary>The generated kernel, into a destination.</summary>
    [Benchmark]
    public void ShapedTensorsInto() => _w.BatchDot(_k, _destination);

    /// <summary>The runtime's dynamic tensor, into a destination.</summary>
    [Benchmark]
    public void DynamicTensor() => _dx.BatchDot(_dy, _dout);

    /// <summary>The same call compiled as a Debug build compiles it (the runtime's precompiled product).</summary>
    [Benchmark]
    public void ShapedTensorsDebug() => _debug.Run();

    /// <summary>Eigen: 120 fixed-size products (Matrix&lt;float, 4, 5, RowMajor&gt; · Matrix&lt;float, 5, 8, RowMajor&gt;).</summary>
    [Benchmark(OperationsPerInvoke = 10)]
    public void Eigen() => EigenAnchors.Run(EigenCase.SeedBatchDot, _x, _y, _out, 10);

    /// <summary>torch.matmul (a batched matmul over the leading axes), one thread.</summary>
    [Benchmark]
    public void Torch()
    {
        using var result = torch.matmul(_tx, _ty);
    }
}

/// <summary>The seed's MatMul (9,8,7,4,2)·(9,8,7,2,5): 504 products of [4x2]·[2x5].</summary>
[Workload("seed MatMul", 2L * 504 * 4 * 2 * 5, Kernels = "Product_F32_504x4x2x5")]
public class SeedMatMul
{
    private float[] _x = [], _y = [], _out = [];
    private SeedE _e;
    private SeedF _f;
    private Canonical.Float32_9x8x7x4x5 _destination;
    private Canonical.Float32_9x8x7x4x5 _result; // keeps the allocating form's result observable
    private DynamicTensor<float> _dx = null!, _dy = null!, _dout = null!;
    private torch.Tensor _tx = null!, _ty = null!;
    private DebugCase<float> _debug = null!;

    /// <summary>Creates the inputs and checks the kernel against the runtime.</summary>
    [GlobalSetup]
    public void Setup()
    {
        ShapedTensorsSettings.MaxDegreeOfParallelism = 1;
        TorchRuntime.Initialize(threads: 1);
        _x = Data.Random<float>(SeedE.Length, 1);
        _y = Data.Random<float>(SeedF.Length, 2);
        _out = new float[9 * 8 * 7 * 4 * 5];
        _e = SeedE.FromArray(_x);
        _f = SeedF.FromArray(_y);
        _destination = new Canonical.Float32_9x8x7x4x5();
        _dx = DynamicTensor<float>.FromArray(SeedE.Shape, _x);
        _dy = DynamicTensor<float>.FromArray(SeedF.Shape, _y);
        _dout = DynamicTensor<float>.Zeros(9, 8, 7, 4, 5);
        _tx = Data.Torch(_x, 9, 8, 7, 4, 2);
        _ty = Data.Torch(_y, 9, 8, 7, 2, 5);
        _dx.MatMul(_dy, _dout);
        _e.MatMul(_f, _destination);
        Data.Check<float>("MatMul", _dout.AsReadOnlySpan(), _destination.AsReadOnlySpan());
        _debug = DebugCases.SeedMatMul(_x, _y);
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
        Infrastructure.Naive.BatchedProduct(_x, _y, _out, 504, 4, 2, 5);
        return _out;
    }

    /// <summary>The generated kernel, allocating the result.</summary>
    [Benchmark]
    public void ShapedTensors() => _result = _e.MatMul(_f);

    /// <summary>The generated kernel, into a destination.</summary>
    [Benchmark]
    public void ShapedTensorsInto() => _e.MatMul(_f, _destination);

    /// <summary>The runtime's dynamic tensor, into a destination.</summary>
    [Benchmark]
    public void DynamicTensor() => _dx.MatMul(_dy, _dout);

    /// <summary>The same call compiled as a Debug build compiles it (the runtime's precompiled product).</summary>
    [Benchmark]
    public void ShapedTensorsDebug() => _debug.Run();

    /// <summary>Eigen: 504 fixed-size products (Matrix&lt;float, 4, 2, RowMajor&gt; · Matrix&lt;float, 2, 5, RowMajor&gt;).</summary>
    [Benchmark(OperationsPerInvoke = 10)]
    public void Eigen() => EigenAnchors.Run(EigenCase.SeedMatMul, _x, _y, _out, 10);

    /// <summary>torch.matmul, one thread.</summary>
    [Benchmark]
    public void Torch()
    {
        using var result = torch.matmul(_tx, _ty);
    }
}
