using BenchmarkDotNet.Attributes;
using ShapedTensors.Benchmarks.Infrastructure;
using Canonical = ShapedTensors.Generated.ShapedTensors.Benchmarks;

namespace ShapedTensors.Benchmarks;

/// <summary>A dot product written as a product, (1, 4096) · (4096, 1): against <c>TensorPrimitives.Dot</c> of the same length.</summary>
[Workload("dot (1,4096)x(4096,1)", 2L * 4096, Kernels = "")]
public class DotProduct
{
    private float[] _x = [], _y = [];
    private Row4096 _a;
    private Column4096 _b;
    private Canonical.Float32_1x1 _c;
    private DynamicTensor<float> _dx = null!, _dy = null!, _dout = null!;

    /// <summary>Creates the operands and checks the product against TensorPrimitives.</summary>
    [GlobalSetup]
    public void Setup()
    {
        ShapedTensorsSettings.MaxDegreeOfParallelism = 1;
        _x = Data.Random<float>(4096, 1);
        _y = Data.Random<float>(4096, 2);
        (_a, _b, _c) = (Row4096.FromArray(_x), Column4096.FromArray(_y), new());
        _dx = DynamicTensor<float>.FromArray(Row4096.Shape, _x);
        _dy = DynamicTensor<float>.FromArray(Column4096.Shape, _y);
        _dout = DynamicTensor<float>.Zeros(1, 1);
        ShapedTensorsInto();
        Data.Check<float>("Dot", [System.Numerics.Tensors.TensorPrimitives.Dot<float>(_x, _y)], _c.AsReadOnlySpan());
    }

    /// <summary>System.Numerics.Tensors' vectorized dot product, on the arrays the generated call reads (the speed of both depends on where the arrays fall relative to cache lines).</summary>
    [Benchmark(Baseline = true)]
    public float TensorPrimitives() => System.Numerics.Tensors.TensorPrimitives.Dot<float>(_a.AsReadOnlySpan(), _b.AsReadOnlySpan());

    /// <summary>The generated call, into a destination.</summary>
    [Benchmark]
    public void ShapedTensorsInto() => _a.MatMul(_b, _c);

    /// <summary>The runtime's dynamic tensor, into a destination.</summary>
    [Benchmark]
    public void DynamicTensor() => _dx.MatMul(_dy, _dout);

    /// <summary>A plain loop.</summary>
    [Benchmark]
    public float Naive()
    {
        var sum = 0f;
        for (var i = 0; i < _x.Length; i++)
        {
            sum += _x[i] * _y[i];
        }

        return sum;
    }
}

/// <summary>Matrix · vector, (1024, 1024) · (1024, 1): against one <c>TensorPrimitives.Dot</c> per row.</summary>
[Workload("matrix-vector (1024,1024)x(1024,1)", 2L * 1024 * 1024, Kernels = "")]
public class MatrixVector
{
    private float[] _x = [], _y = [], _out = [];
    private F32x1024 _a;
    private Column1024 _b;
    private Canonical.Float32_1024x1 _c;
    private DynamicTensor<float> _dx = null!, _dy = null!, _dout = null!;

    /// <summary>Creates the operands and checks the product against TensorPrimitives.</summary>
    [GlobalSetup]
    public void Setup()
    {
        ShapedTensorsSettings.MaxDegreeOfParallelism = 1;
        _x = Data.Random<float>(1024 * 1024, 1);
        _y = Data.Random<float>(1024, 2);
        _out = new float[1024];
        (_a, _b, _c) = (F32x1024.FromArray(_x), Column1024.FromArray(_y), new());
        _dx = DynamicTensor<float>.FromArray(F32x1024.Shape, _x);
        _dy = DynamicTensor<float>.FromArray(Column1024.Shape, _y);
        _dout = DynamicTensor<float>.Zeros(1024, 1);
        ShapedTensorsInto();
        TensorPrimitives();
        Data.Check<float>("MatMul", _out, _c.AsReadOnlySpan());
    }

    /// <summary>One System.Numerics.Tensors dot product per row, on the arrays the generated call reads.</summary>
    [Benchmark(Baseline = true)]
    public float[] TensorPrimitives()
    {
        var x = _a.AsReadOnlySpan();
        var y = _b.AsReadOnlySpan();
        for (var m = 0; m < 1024; m++)
        {
            _out[m] = System.Numerics.Tensors.TensorPrimitives.Dot<float>(x.Slice(m * 1024, 1024), y);
        }

        return _out;
    }

    /// <summary>The generated call, into a destination.</summary>
    [Benchmark]
    public void ShapedTensorsInto() => _a.MatMul(_b, _c);

    /// <summary>The runtime's dynamic tensor, into a destination.</summary>
    [Benchmark]
    public void DynamicTensor() => _dx.MatMul(_dy, _dout);

    /// <summary>A textbook loop.</summary>
    [Benchmark]
    public float[] Naive()
    {
        Infrastructure.Naive.BatchedProduct(_x, _y, _out, 1, 1024, 1024, 1);
        return _out;
    }
}
