using ShapedTensors.Generated.ShapedTensors.Benchmarks.InlineStorage;

namespace ShapedTensors.Benchmarks.InlineStorage;

/// <summary>A 4×4 float32 tensor: 16 elements, stored inline (ShapedTensorsInlineStorage is 16 here).</summary>
[Tensor(4, 4)]
public partial struct Square4;

/// <summary>4×4·4×4 with inline storage: operands and results are values, as Matrix4x4's are.</summary>
public sealed class InlineSquare4
{
    private readonly Square4 _a;
    private readonly Square4 _b;

    /// <summary>Holds copies of the operands' row-major elements.</summary>
    public InlineSquare4(float[] x, float[] y) => (_a, _b) = (Square4.FromArray(x), Square4.FromArray(y));

    /// <summary>The allocating form: the result is a value, nothing is allocated.</summary>
    public Float32_4x4 MatMul() => _a.MatMul(_b);
}

