// Compiled into the runtime, the generator and the analyzers (netstandard2.0).
using System;
using System.Text;

namespace ShapedTensors;

/// <summary>
/// A shape as a type declares it: its rank is always known, each dimension is known, unknown or named
/// (PARTIAL_SHAPES.md §1). A <see cref="Shape"/> is the special case with every dimension known.
/// </summary>
public sealed class StaticShape
{
    private readonly Dimension[] _dims;

    // Takes ownership of an array already known to be valid.
    private StaticShape(Dimension[] dims, bool _) => _dims = dims;

    /// <summary>Creates a shape from its dimensions, outermost first.</summary>
    public StaticShape(params Dimension[] dims)
        : this((Dimension[])dims.Clone(), false)
    {
    }

    /// <summary>The number of dimensions.</summary>
    public int Rank => _dims.Length;

    /// <summary>Dimension <paramref name="axis"/> (0-based, outermost first).</summary>
    public Dimension this[int axis] => _dims[axis];

    /// <summary>Whether every dimension is known: then <see cref="ToShape"/> gives the shape.</summary>
    public bool IsFullyKnown => Array.TrueForAll(_dims, d => d.IsKnown);

    /// <summary>The fully known shape <paramref name="shape"/>.</summary>
    public static StaticShape Of(Shape shape)
    {
        var dims = new Dimension[shape.Rank];
        for (var i = 0; i < dims.Length; i++)
        {
            dims[i] = Dimension.Trusted(shape[i]);
        }

        return new StaticShape(dims, false);
    }

    /// <summary>
    /// A shape from the spelling of declarations: an <see cref="int"/> is a known size, <c>"?"</c> the unknown
    /// dimension and any other string a name, e.g. <c>Parse("batch", 784)</c>.
    /// </summary>
    public static StaticShape Parse(params object[] dims)
    {
        var parsed = new Dimension[dims.Length];
        for (var i = 0; i < dims.Length; i++)
        {
            parsed[i] = dims[i] switch
            {
                int size => Dimension.Known(size),
                Dimension.UnknownSpelling => Dimension.Unknown,
                string name => Dimension.Named(name),
                _ => throw new ArgumentException($"Dimension {i} must be an int or a string, but is {dims[i]}.", nameof(dims)),
            };
        }

        return new StaticShape(parsed, false);
    }

    // Takes ownership of an array built by the shape algebra.
    internal static StaticShape Own(Dimension[] dims) => new(dims, false);

    /// <summary>The shape, when <see cref="IsFullyKnown"/>.</summary>
    public Shape ToShape()
    {
        var sizes = new int[_dims.Length];
        for (var i = 0; i < sizes.Length; i++)
        {
            sizes[i] = _dims[i].Value;
        }

        return Shape.Own(sizes);
    }

    /// <summary>Whether a run-time shape can be a value of this static shape: the same rank and every known size equal.</summary>
    public bool Admits(Shape shape)
    {
        if (shape.Rank != _dims.Length)
        {
            return false;
        }

        for (var i = 0; i < _dims.Length; i++)
        {
            if (_dims[i].IsKnown && _dims[i].Value != shape[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The Keras form (PARTIAL_SHAPES.md §2): <c>(None, 784)</c>, <c>(batch, 784)</c>, <c>(None,)</c>, <c>()</c>.</summary>
    public override string ToString() => _dims.Length == 1 ? "(" + _dims[0] + ",)" : "(" + Join(", ", d => d.ToString()) + ")";

    /// <summary>TensorFlow's graph-time form (<c>InferenceContext::DebugString</c>): <c>[?,784]</c>, <c>[]</c>.</summary>
    public string ToTensorFlowString() => "[" + Join(",", d => d.ToFrameString()) + "]";

    private string Join(string separator, Func<Dimension, string> format)
    {
        var text = new StringBuilder();
        for (var i = 0; i < _dims.Length; i++)
        {
            if (i > 0)
            {
                text.Append(separator);
            }

            text.Append(format(_dims[i]));
        }

        return text.ToString();
    }
}
