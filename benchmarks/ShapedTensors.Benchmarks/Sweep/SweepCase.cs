using System;
using BenchmarkDotNet.Attributes;
using ShapedTensors.Benchmarks.Infrastructure;

namespace ShapedTensors.Benchmarks.Sweep;

/// <summary>
/// One call of the sweep (SweepCases.cs, written by make_sweep.py): the generated call into a destination against
/// the runtime path a user would otherwise take (DynamicTensor, into a destination) and a naive loop over the plan.
/// </summary>
public abstract class SweepCase
{
    private readonly string _operation;
    private readonly Shape _xShape, _yShape;
    private readonly ContractionPlan _plan;
    private float[] _naiveOut = [];
    private DynamicTensor<float> _dx = null!, _dy = null!, _dout = null!;

    /// <summary>A call of <paramref name="operation"/> (Dot, BatchDot or MatMul, default options) on the two shapes.</summary>
    protected SweepCase(string operation, Shape x, Shape y)
    {
        (_operation, _xShape, _yShape) = (operation, x, y);
        var rule = operation switch
        {
            "Dot" => ShapeAlgebra.Dot(x, y),
            "BatchDot" => ShapeAlgebra.BatchDot(x, y),
            _ => ShapeAlgebra.MatMul(x, y),
        };
        _plan = rule.Plan ?? throw new InvalidOperationException(rule.ToString());
    }

    /// <summary>The left operand's elements.</summary>
    protected float[] XData { get; private set; } = [];

    /// <summary>The right operand's elements.</summary>
    protected float[] YData { get; private set; } = [];

    /// <summary>Creates the operands and checks the generated call and the naive loop against the runtime.</summary>
    [GlobalSetup]
    public void Setup()
    {
        ShapedTensorsSettings.MaxDegreeOfParallelism = 1;
        XData = Data.Random<float>((int)_xShape.ElementCount, 1);
        YData = Data.Random<float>((int)_yShape.ElementCount, 2);
        _naiveOut = new float[_plan.Result.ElementCount];
        _dx = new DynamicTensor<float>(_xShape, XData);
        _dy = new DynamicTensor<float>(_yShape, YData);
        _dout = DynamicTensor<float>.Zeros(_plan.Result);
        DynamicTensor();
        Data.Check<float>(GetType().Name, _dout.AsReadOnlySpan(), Generated());
        Naive();
        Data.Check<float>(GetType().Name + " (naive)", _dout.AsReadOnlySpan(), _naiveOut);
    }

    /// <summary>The runtime's dynamic tensor, into a destination.</summary>
    [Benchmark(Baseline = true)]
    public void DynamicTensor()
    {
        switch (_operation)
        {
            case "Dot":
                _dx.Dot(_dy, _dout);
                break;
            case "BatchDot":
                _dx.BatchDot(_dy, _dout);
                break;
            default:
                _dx.MatMul(_dy, _dout);
                break;
        }
    }

    /// <summary>The textbook loops over the plan.</summary>
    [Benchmark]
    public float[] Naive()
    {
        Infrastructure.Naive.Plan(_plan, XData, YData, _naiveOut);
        return _naiveOut;
    }

    /// <summary>Creates the shaped operands and destination from <see cref="XData"/> and <see cref="YData"/>, runs the generated call once and returns its result.</summary>
    protected abstract ReadOnlySpan<float> Generated();
}
