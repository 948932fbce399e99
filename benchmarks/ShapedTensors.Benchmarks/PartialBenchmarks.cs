using BenchmarkDotNet.Attributes;
using ShapedTensors.Benchmarks.Infrastructure;
using Canonical = ShapedTensors.Generated.ShapedTensors.Benchmarks;

namespace ShapedTensors.Benchmarks;

/// <summary>
/// The seed's BatchDot with its batch size known only at run time, <c>(b,12,4,5)·(b,12,5,8)</c> at b = 10, against the
/// fully known <c>(10,12,4,5)·(10,12,5,8)</c> (the baseline): issue 10's target is at least 0.9× its speed, and 0 B
/// allocated into a destination.
/// </summary>
[Workload("partial seed BatchDot", 2L * 120 * 4 * 5 * 8, Kernels = "Product_F32_Bx4x5x8")]
public class PartialSeedBatchDot
{
    private SeedW _w;
    private SeedK _k;
    private Canonical.Float32_10x12x4x8 _known;
    private PartialSeedW _pw;
    private PartialSeedK _pk;
    private Canonical.Float32_bx12x4x8 _partial;

    /// <summary>Creates the inputs and checks that both give the same values.</summary>
    [GlobalSetup]
    public void Setup()
    {
        ShapedTensorsSettings.MaxDegreeOfParallelism = 1;
        var x = Data.Random<float>(SeedW.Length, 1);
        var y = Data.Random<float>(SeedK.Length, 2);
        (_w, _k, _known) = (SeedW.FromArray(x), SeedK.FromArray(y), new Canonical.Float32_10x12x4x8());
        (_pw, _pk) = (PartialSeedW.FromArray(x, b: 10), PartialSeedK.FromArray(y, b: 10));
        _partial = _pw.BatchDot(_pk);
        _w.BatchDot(_k, _known);
        Data.Check<float>("BatchDot (partial)", _known.AsReadOnlySpan(), _partial.AsReadOnlySpan());
    }

    /// <summary>The fully known kernel, into a destination.</summary>
    [Benchmark(Baseline = true)]
    public void KnownInto() => _w.BatchDot(_k, _known);

    /// <summary>The partially known call (checks, cached plan, kernel over 12·b products), into a destination.</summary>
    [Benchmark]
    public void PartialInto() => _pw.BatchDot(_pk, _partial);

    /// <summary>The fully known kernel, allocating the result.</summary>
    [Benchmark]
    public object Known() => _w.BatchDot(_k);

    /// <summary>The partially known call, allocating the result.</summary>
    [Benchmark]
    public object Partial() => _pw.BatchDot(_pk);
}

/// <summary>A dense layer, <c>(batch,784)·(784,128)</c> at batch = 32, against the fully known <c>(32,784)·(784,128)</c> (the baseline).</summary>
[Workload("partial dense 32x784x128", 2L * 32 * 784 * 128, Kernels = "runtime")]
public class PartialDense32
{
    private Input32 _x;
    private Dense784x128 _w;
    private PartialInput _p;
    private Canonical.Float32_32x128 _known;
    private Canonical.Float32_batchx128 _partial;

    /// <summary>Creates the inputs and checks that both give the same values.</summary>
    [GlobalSetup]
    public void Setup()
    {
        ShapedTensorsSettings.MaxDegreeOfParallelism = 1;
        _w = Dense784x128.FromArray(Data.Random<float>(Dense784x128.Length, 3));
        var x = Data.Random<float>(Input32.Length, 4);
        (_x, _p) = (Input32.FromArray(x), PartialInput.FromArray(x, batch: 32));
        (_known, _partial) = (_x.Dot(_w), _p.Dot(_w));
        Data.Check<float>("Dot 32 (partial)", _known.AsReadOnlySpan(), _partial.AsReadOnlySpan());
    }

    /// <summary>Fully known, into a destination.</summary>
    [Benchmark(Baseline = true)]
    public void KnownInto() => _x.Dot(_w, _known);

    /// <summary>Partially known (checks, cached plan, the runtime's product), into a destination.</summary>
    [Benchmark]
    public void PartialInto() => _p.Dot(_w, _partial);
}

/// <summary>A dense layer, <c>(batch,784)·(784,128)</c> at batch = 1024, against the fully known <c>(1024,784)·(784,128)</c> (the baseline).</summary>
[Workload("partial dense 1024x784x128", 2L * 1024 * 784 * 128, Kernels = "runtime")]
public class PartialDense1024
{
    private Input1024 _x;
    private Dense784x128 _w;
    private PartialInput _p;
    private Canonical.Float32_1024x128 _known;
    private Canonical.Float32_batchx128 _partial;

    /// <summary>Creates the inputs and checks that both give the same values.</summary>
    [GlobalSetup]
    public void Setup()
    {
        ShapedTensorsSettings.MaxDegreeOfParallelism = 1;
        _w = Dense784x128.FromArray(Data.Random<float>(Dense784x128.Length, 3));
        var x = Data.Random<float>(Input1024.Length, 4);
        (_x, _p) = (Input1024.FromArray(x), PartialInput.FromArray(x, batch: 1024));
        (_known, _partial) = (_x.Dot(_w), _p.Dot(_w));
        Data.Check<float>("Dot 1024 (partial)", _known.AsReadOnlySpan(), _partial.AsReadOnlySpan());
    }

    /// <summary>Fully known, into a destination.</summary>
    [Benchmark(Baseline = true)]
    public void KnownInto() => _x.Dot(_w, _known);

    /// <summary>Partially known (checks, cached plan, the runtime's product), into a destination.</summary>
    [Benchmark]
    public void PartialInto() => _p.Dot(_w, _partial);
}
