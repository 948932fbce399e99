namespace ShapedTensors;

/// <summary>
/// <c>MatMul</c>'s transpose flags as values of types of their own, for products whose result type depends on them:
/// <c>x.MatMul(x, Transpose.A)</c> (xᵀx, a Gram matrix) and <c>x.MatMul(x, Transpose.B)</c> (xxᵀ) on one operand type each
/// get an overload with their own result type, where <c>transposeA: true</c> and <c>transposeB: true</c> share one
/// overload (one return type) and so stay on the run-time fallback. See the README, "Options that decide the result type".
/// </summary>
public static class Transpose
{
    /// <summary><c>transposeA: true</c>: the product of the left operand's transpose.</summary>
    public static TransposeA A => default;

    /// <summary><c>transposeB: true</c>: the product with the right operand's transpose.</summary>
    public static TransposeB B => default;

    /// <summary><c>transposeA: true, transposeB: true</c>.</summary>
    public static TransposeBoth Both => default;
}

/// <summary>Transpose flags as a type (<see cref="Transpose"/>).</summary>
public interface ITransposeMarker
{
    /// <summary>Whether the left operand is transposed (<c>transposeA</c>).</summary>
    static abstract bool A { get; }

    /// <summary>Whether the right operand is transposed (<c>transposeB</c>).</summary>
    static abstract bool B { get; }
}

/// <summary><c>transposeA: true</c> as a type: <see cref="Transpose.A"/>.</summary>
public readonly struct TransposeA : ITransposeMarker
{
    /// <inheritdoc/>
    public static bool A => true;

    /// <inheritdoc/>
    public static bool B => false;

    /// <inheritdoc/>
    public override string ToString() => "transposeA";
}

/// <summary><c>transposeB: true</c> as a type: <see cref="Transpose.B"/>.</summary>
public readonly struct TransposeB : ITransposeMarker
{
    /// <inheritdoc/>
    public static bool A => false;

    /// <inheritdoc/>
    public static bool B => true;

    /// <inheritdoc/>
    public override string ToString() => "transposeB";
}

/// <summary><c>transposeA: true, transposeB: true</c> as a type: <see cref="Transpose.Both"/>.</summary>
public readonly struct TransposeBoth : ITransposeMarker
{
    /// <inheritdoc/>
    public static bool A => true;

    /// <inheritdoc/>
    public static bool B => true;

    /// <inheritdoc/>
    public override string ToString() => "transposeA, transposeB";
}
