using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ShapedTensors.Generator.Emit;

/// <summary>
/// An element offset in emitted code: loop variables times constant strides plus a constant, folded as far
/// as possible and written without noise (<c>xb + m * 20 + 45</c>, <c>13</c>).
/// </summary>
internal readonly struct Offset
{
    private readonly (string Variable, long Stride)[] _terms;

    private Offset((string Variable, long Stride)[] terms, long constant)
    {
        _terms = terms;
        Constant = constant;
    }

    public long Constant { get; }

    public static Offset Of(long constant) => new(System.Array.Empty<(string, long)>(), constant);

    public static Offset Variable(string name, long stride = 1) => new(stride == 0 ? System.Array.Empty<(string, long)>() : new[] { (name, stride) }, 0);

    public static Offset operator +(Offset left, Offset right)
    {
        var terms = new List<(string Variable, long Stride)>(left.Terms);
        foreach (var (variable, stride) in right.Terms)
        {
            var i = terms.FindIndex(t => t.Variable == variable);
            if (i >= 0)
            {
                terms[i] = (variable, terms[i].Stride + stride);
            }
            else
            {
                terms.Add((variable, stride));
            }
        }

        return new Offset(terms.Where(t => t.Stride != 0).ToArray(), left.Constant + right.Constant);
    }

    /// <summary>This offset times <paramref name="factor"/>: every stride and the constant scaled.</summary>
    public Offset Times(long factor) => new(Terms.Where(t => t.Stride * factor != 0).Select(t => (t.Variable, t.Stride * factor)).ToArray(), Constant * factor);

    public static Offset operator +(Offset left, long constant) => new(left.Terms.ToArray(), left.Constant + constant);

    private IEnumerable<(string Variable, long Stride)> Terms => _terms ?? System.Array.Empty<(string, long)>();

    public override string ToString()
    {
        var parts = Terms.Select(t => t.Stride == 1 ? t.Variable : t.Variable + " * " + t.Stride.ToString(CultureInfo.InvariantCulture)).ToList();
        if (Constant != 0 || parts.Count == 0)
        {
            parts.Add(Constant.ToString(CultureInfo.InvariantCulture));
        }

        return string.Join(" + ", parts);
    }
}
