using BenchmarkDotNet.Attributes;
using ShapedTensors.Benchmarks.Infrastructure;
using static ShapedTensors.TensorMath;
using Canonical = ShapedTensors.Generated.ShapedTensors.Benchmarks;

namespace ShapedTensors.Benchmarks;

/// <summary>
/// <c>Einsum("bij,bjk-&gt;bik", w, k)</c> beside <c>w.BatchDot(k)</c> on (120,4,5)·(120,5,8): one plan, one kernel.
/// The unqualified call takes the generator's overload (the equation is a constant, the shapes known), which runs
/// BatchDot's kernel <c>Product_F32_120x4x5x8</c>; <c>TensorMath.Einsum</c> spelled out binds to the run-time fallback.
/// </summary>
[Workload("einsum bij,bjk->bik", 2L * 120 * 4 * 5 * 8, Kernels = "Product_F32_120x4x5x8")]
public class EinsumBatchDot
{
    private const string Equation = "bij,bjk->bik";
    private EinsumW _w;
    private EinsumK _k;
    private Canonical.Float32_120x4x8 _destination;
    private object _result = null!; // keeps the allocating forms' results observable
    private DynamicTensor<float> _dw = null!, _dk = null!, _dout = null!;

    /// <summary>Creates the inputs and checks einsum against BatchDot.</summary>
    [GlobalSetup]
    public void Setup()
    {
        ShapedTensorsSettings.MaxDegreeOfParallelism = 1;
        _w = EinsumW.FromArray(Data.Random<float>(EinsumW.Length, 1));
        _k = EinsumK.FromArray(Data.Random<float>(EinsumK.Length, 2));
        _destination = new Canonical.Float32_120x4x8();
        _dw = _w.ToDynamic();
        _dk = _k.ToDynamic();
        _dout = DynamicTensor<float>.Zeros(120, 4, 8);
        _w.BatchDot(_k, _destination);
        DynamicTensor<float>.Einsum(Equation, _dw, _dk, _dout);
        Data.Check<float>("Einsum", _destination.AsReadOnlySpan(), _dout.AsReadOnlySpan());
        Canonical.Float32_120x4x8 specialized = Einsum(Equation, _w, _k);
        Data.Check<float>("Einsum", specialized.AsReadOnlySpan(), _dout.AsReadOnlySpan());
    }

    /// <summary>The generated BatchDot kernel, into a destination.</summary>
    [Benchmark(Baseline = true)]
    public void BatchDotInto() => _w.BatchDot(_k, _destination);

    /// <summary>The generated BatchDot kernel, allocating.</summary>
    [Benchmark]
    public void BatchDot() => _result = _w.BatchDot(_k);

    /// <summary>The generated Einsum overload (BatchDot's kernel), into a destination.</summary>
    [Benchmark]
    public void EinsumInto() => Einsum(Equation, _w, _k, _destination);

    /// <summary>The generated Einsum overload (BatchDot's kernel), allocating.</summary>
    [Benchmark]
    public void EinsumSpecialized() => _result = Einsum(Equation, _w, _k);

    /// <summary>TensorMath.Einsum on the shaped types: the run-time fallback, allocating.</summary>
    [Benchmark]
    public void EinsumFallback() => _result = TensorMath.Einsum(Equation, _w, _k);

    /// <summary>DynamicTensor's BatchDot, into a destination.</summary>
    [Benchmark]
    public void DynamicBatchDotInto() => _dw.BatchDot(_dk, _dout);

    /// <summary>DynamicTensor's Einsum, into a destination: the same plan as DynamicBatchDotInto.</summary>
    [Benchmark]
    public void DynamicEinsumInto() => DynamicTensor<float>.Einsum(Equation, _dw, _dk, _dout);
}

[Tensor(120, 4, 5)] public partial struct EinsumW;
[Tensor(120, 5, 8)] public partial struct EinsumK;

/// <summary>
/// One-operand einsums on (120,4,5): <c>Einsum("bij-&gt;bji", t)</c> beside <c>t.PermuteDimensions(0, 2, 1)</c> (the
/// generated overload calls the same transpose kernel) and <c>Einsum("bij-&gt;bj", s)</c> beside <c>s.Sum(1)</c> (a
/// generated loop nest against the reduction kernel), and <c>TensorMath.Einsum</c>, the run-time fallback, for both.
/// Each equation has an operand type of its own: one overload has one result type.
/// </summary>
[Workload("einsum bij->bji, bij->bj", 120L * 4 * 5, Kernels = "")]
public class EinsumOneOperand
{
    private EinsumT _t;
    private EinsumS _s;
    private object _result = null!; // keeps the results observable

    /// <summary>Creates the inputs and checks the einsums against the operations.</summary>
    [GlobalSetup]
    public void Setup()
    {
        ShapedTensorsSettings.MaxDegreeOfParallelism = 1;
        _t = EinsumT.FromArray(Data.Random<float>(EinsumT.Length, 3));
        _s = EinsumS.FromArray(Data.Random<float>(EinsumS.Length, 4));
        Canonical.Float32_120x5x4 transposed = Einsum("bij->bji", _t);
        Data.Check<float>("Einsum bij->bji", _t.PermuteDimensions(0, 2, 1).AsReadOnlySpan(), transposed.AsReadOnlySpan());
        Canonical.Float32_120x5 summed = Einsum("bij->bj", _s);
        Data.Check<float>("Einsum bij->bj", _s.Sum(1).AsReadOnlySpan(), summed.AsReadOnlySpan());
    }

    /// <summary>The generated PermuteDimensions overload (the transpose kernel).</summary>
    [Benchmark(Baseline = true)]
    public void PermuteDimensions() => _result = _t.PermuteDimensions(0, 2, 1);

    /// <summary>The generated Einsum overload: the same transpose kernel after a switch on the equation.</summary>
    [Benchmark]
    public void EinsumTranspose() => _result = Einsum("bij->bji", _t);

    /// <summary>TensorMath.Einsum: the runtime's lowering (a product with a constant 1).</summary>
    [Benchmark]
    public void EinsumTransposeFallback() => _result = TensorMath.Einsum("bij->bji", _t);

    /// <summary>The generated Sum overload (the reduction kernel).</summary>
    [Benchmark]
    public void Sum() => _result = _s.Sum(1);

    /// <summary>The generated Einsum overload: a loop nest over the output, the sum innermost.</summary>
    [Benchmark]
    public void EinsumSum() => _result = Einsum("bij->bj", _s);

    /// <summary>TensorMath.Einsum: the runtime's lowering.</summary>
    [Benchmark]
    public void EinsumSumFallback() => _result = TensorMath.Einsum("bij->bj", _s);
}

[Tensor(120, 4, 5)] public partial struct EinsumT;
[Tensor(120, 4, 5)] public partial struct EinsumS;

/// <summary>
/// <c>Einsum("bcij,bcjk-&gt;bcik", w, k)</c> on the seed's BatchDot with its batch size known only at run time,
/// <c>(b,12,4,5)·(b,12,5,8)</c> at b = 10, beside the partial <c>w.BatchDot(k)</c> (the baseline) and the fully known
/// BatchDot: the generated partial einsum overload checks the run-time shapes, then runs the runtime's einsum plan.
/// </summary>
[Workload("partial einsum bcij,bcjk->bcik", 2L * 120 * 4 * 5 * 8, Kernels = "runtime")]
public class EinsumPartial
{
    private const string Equation = "bcij,bcjk->bcik";
    private SeedW _w;
    private SeedK _k;
    private Canonical.Float32_10x12x4x8 _known;
    private PartialSeedW _pw;
    private PartialSeedK _pk;
    private Canonical.Float32_bx12x4x8 _partial;

    /// <summary>Creates the inputs and checks that the three give the same values.</summary>
    [GlobalSetup]
    public void Setup()
    {
        ShapedTensorsSettings.MaxDegreeOfParallelism = 1;
        var x = Data.Random<float>(SeedW.Length, 1);
        var y = Data.Random<float>(SeedK.Length, 2);
        (_w, _k, _known) = (SeedW.FromArray(x), SeedK.FromArray(y), new Canonical.Float32_10x12x4x8());
        (_pw, _pk) = (PartialSeedW.FromArray(x, b: 10), PartialSeedK.FromArray(y, b: 10));
        _w.BatchDot(_k, _known);
        _partial = Einsum(Equation, _pw, _pk);
        Data.Check<float>("Einsum (partial)", _known.AsReadOnlySpan(), _partial.AsReadOnlySpan());
        Data.Check<float>("BatchDot (partial)", _known.AsReadOnlySpan(), _pw.BatchDot(_pk).AsReadOnlySpan());
    }

    /// <summary>The partially known BatchDot (checks, cached plan, kernel), into a destination.</summary>
    [Benchmark(Baseline = true)]
    public void PartialBatchDotInto() => _pw.BatchDot(_pk, _partial);

    /// <summary>The generated partial Einsum overload (checks, the runtime's einsum plan), into a destination.</summary>
    [Benchmark]
    public void PartialEinsumInto() => Einsum(Equation, _pw, _pk, _partial);

    /// <summary>The fully known BatchDot kernel, into a destination.</summary>
    [Benchmark]
    public void KnownBatchDotInto() => _w.BatchDot(_k, _known);

    /// <summary>The partially known BatchDot, allocating the result.</summary>
    [Benchmark]
    public object PartialBatchDot() => _pw.BatchDot(_pk);

    /// <summary>The generated partial Einsum overload, allocating the result (then its destination form).</summary>
    [Benchmark]
    public object PartialEinsum() => Einsum(Equation, _pw, _pk);
}
