// This file is compiled into the runtime, the generator and the analyzers (netstandard2.0),
// so it uses only APIs available everywhere.
using System;
using System.Text;

namespace ShapedTensors;

/// <summary>
/// An immutable tensor shape: a list of dimensions, each 0 or more. Rank 0 is a scalar; a dimension of 0 makes
/// an empty tensor (as in TensorFlow and numpy: <c>(0, 5)</c> holds no element).
/// </summary>
/// <remarks>
/// <see cref="ToString"/> gives the Python tuple form (<c>(10, 12, 4, 8)</c>, <c>(3,)</c>, <c>()</c>), what
/// <c>print(z.shape)</c> shows; <see cref="ToTensorFlowString"/> gives the form used in error texts
/// (<c>[60,2]</c>).
/// </remarks>
public sealed class Shape : IEquatable<Shape>
{
    private readonly int[] _dims;
    private StaticShape? _static; // made on first use: the shape algebra asks for it on every call with this shape

    /// <summary>Creates a shape from its dimensions.</summary>
    /// <param name="dims">The dimensions, outermost first; none may be negative.</param>
    /// <exception cref="ArgumentNullException"><paramref name="dims"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is negative.</exception>
    public Shape(params int[] dims)
    {
        Require.NotNull(dims, nameof(dims));
        for (var i = 0; i < dims.Length; i++)
        {
            if (dims[i] < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(dims), dims[i], NegativeDimension(i, dims[i]));
            }
        }

        _dims = (int[])dims.Clone();
    }

    // Takes ownership of an array already known to be valid; used by the shape algebra.
    private Shape(int[] dims, bool _) => _dims = dims;

    internal static Shape Own(int[] dims) => new(dims, false);

    // This shape as the shape algebra's static shape (every dimension known). Immutable both, so it is made once; a
    // race makes it twice, harmlessly.
    internal StaticShape Static => _static ??= StaticShape.Of(this);

    /// <summary>The rank-0 shape <c>()</c> of a scalar.</summary>
    public static Shape Scalar { get; } = new(Array.Empty<int>(), false);

    /// <summary>The number of dimensions.</summary>
    public int Rank => _dims.Length;

    /// <summary>The size of dimension <paramref name="axis"/> (0-based, outermost first).</summary>
    public int this[int axis] => _dims[axis];

    /// <summary>The number of elements: the product of the dimensions (1 for a scalar, 0 when a dimension is 0).</summary>
    /// <exception cref="OverflowException">The product does not fit a <see cref="long"/>.</exception>
    public long ElementCount
    {
        get
        {
            // A 0 anywhere makes the product 0, however large the other dimensions are.
            if (Array.IndexOf(_dims, 0) >= 0)
            {
                return 0;
            }

            long count = 1;
            foreach (var d in _dims)
            {
                count = checked(count * d);
            }

            return count;
        }
    }

    /// <summary>Whether the shape holds no element (a dimension is 0).</summary>
    public bool IsEmpty => Array.IndexOf(_dims, 0) >= 0;

    // The text of the exception for a negative dimension (library text, SEMANTICS.md §7).
    internal static string NegativeDimension(int axis, int dim) => $"Dimension {axis} of a shape must not be negative, but is {dim}.";

    /// <summary>Returns a copy of the dimensions.</summary>
    public int[] ToArray() => (int[])_dims.Clone();

    /// <summary>The Python tuple form: <c>(10, 12, 4, 8)</c>, <c>(3,)</c>, <c>()</c>.</summary>
    public override string ToString()
    {
        if (_dims.Length == 1)
        {
            return "(" + _dims[0].ToString(System.Globalization.CultureInfo.InvariantCulture) + ",)";
        }

        return "(" + Join(", ") + ")";
    }

    /// <summary>The TensorFlow form used in error texts: <c>[60,2]</c>, <c>[]</c>.</summary>
    public string ToTensorFlowString() => "[" + Join(",") + "]";

    private string Join(string separator)
    {
        var text = new StringBuilder();
        for (var i = 0; i < _dims.Length; i++)
        {
            if (i > 0)
            {
                text.Append(separator);
            }

            text.Append(_dims[i].ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    /// <inheritdoc/>
    public bool Equals(Shape? other)
    {
        // The same instance is the common case where run-time shapes are compared with the ones kept from the last call.
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || other._dims.Length != _dims.Length)
        {
            return false;
        }

        for (var i = 0; i < _dims.Length; i++)
        {
            if (_dims[i] != other._dims[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Shape);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        unchecked
        {
            var hash = 17 + _dims.Length;
            foreach (var d in _dims)
            {
                hash = (hash * 31) + d;
            }

            return hash;
        }
    }

    /// <summary>Whether two shapes have the same dimensions.</summary>
    public static bool operator ==(Shape? left, Shape? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Whether two shapes differ.</summary>
    public static bool operator !=(Shape? left, Shape? right) => !(left == right);
}
