using System;
using System.Collections.Generic;
using System.Linq;
using ShapedTensors.Tests.Reference;

namespace ShapedTensors.Tests.PartialShapes;

/// <summary>
/// An independent, deliberately plain reading of PARTIAL_SHAPES.md for the generated tests: dimensions are the
/// strings of §10 (<c>"4"</c>, <c>"?"</c>, <c>"b"</c>), each op is Keras' pipeline written out step by step, and
/// the run time is TF's kernels (§8.1–§8.2) followed by the binding rule (§8.4). It shares no code with the library.
/// </summary>
internal static class PartialReference
{
    /// <summary>Graph time: the static result in Keras' form, or the exact error.</summary>
    public sealed record Graph(string? Result, string? Error);

    private static RefShapeException Fail(string text) => new(RefErrorKind.IncompatibleShapes, text);

    private static bool Known(string d) => d != "?" && char.IsDigit(d[0]);

    private static bool Named(string d) => !Known(d) && d != "?";

    private static int Size(string d) => int.Parse(d, System.Globalization.CultureInfo.InvariantCulture);

    private static string Frame(IEnumerable<string> dims) => "[" + string.Join(",", dims.Select(d => Known(d) ? d : "?")) + "]";

    private static string Keras(List<string> dims)
        => dims.Count == 1 ? $"({Py(dims[0])},)" : "(" + string.Join(", ", dims.Select(Py)) + ")";

    private static string Py(string d) => d == "?" ? "None" : d;

    private static RefShapeException Framed(string core, string node, string op, params IEnumerable<string>[] shapes)
        => Fail($"{core} for '{node}' (op: '{op}') with input shapes: {string.Join(", ", shapes.Select(Frame))}.");

    private static RefShapeException Unequal(string a, string b, string node, string op, params IEnumerable<string>[] shapes)
        => Framed($"Dimensions must be equal, but are {a} and {b}", node, op, shapes);

    // Merge: fails only on two different known sizes. Result: known side, else x's name, else y's name, else ?.
    private static string Merge(string a, string b, Func<RefShapeException> fail)
    {
        if (Known(a) && Known(b) && a != b)
        {
            throw fail();
        }

        return Known(a) ? a : Known(b) ? b : Named(a) ? a : Named(b) ? b : "?";
    }

    // Broadcast (TF's helper, §9's names): known > 1 wins, a known 1 gives the other side, one name stays, else ?.
    private static string Broadcast(string a, string b, Func<RefShapeException> fail)
    {
        if (Known(a) && Known(b))
        {
            if (a != b && a != "1" && b != "1")
            {
                throw fail();
            }

            return a == "1" ? b : a;
        }

        if (Known(a) && Size(a) > 1)
        {
            return a;
        }

        if (Known(b) && Size(b) > 1)
        {
            return b;
        }

        return a == "1" ? b : b == "1" ? a : Named(a) && a == b ? a : "?";
    }

    private static string Product(IEnumerable<string> dims)
    {
        var list = dims.ToList();
        return list.All(Known) ? list.Aggregate(1L, (p, d) => p * Size(d)).ToString(System.Globalization.CultureInfo.InvariantCulture) : "?";
    }

    public static Graph Run(PartialCase c)
    {
        try
        {
            return new Graph(Keras(c.Op switch
            {
                ContractionOp.Dot => Dot(c.X, c.Y),
                ContractionOp.MatMul => MatMul(c.X, c.Y, c.TransposeA, c.TransposeB),
                _ => BatchDot(c),
            }), null);
        }
        catch (RefShapeException e)
        {
            return new Graph(null, e.Message);
        }
    }

    private static List<string> Dot(string[] x, string[] y)
    {
        if (x.Length <= 2 && y.Length <= 2)
        {
            return MatMulOp(x, y, false, false);
        }

        if (x.Length == 0 || y.Length == 0)
        {
            throw Framed("Shape must be at least rank 1 but is rank 0", "MatMul", "MatMul", x, y);
        }

        // reshape(x, [-1, x[-1]]) and reshape(transpose(y), [y[-2], -1]), or [y[0], 1] for a vector y.
        string[] xt = { x.All(Known) ? Product(x[..^1]) : "?", x[^1] };
        string[] yt = y.Length == 1 ? new[] { y[0], "1" } : new[] { y[^2], y.All(Known) ? Product(y[..^2].Append(y[^1])) : "?" };
        Merge(xt[1], yt[0], () => Unequal(xt[1], yt[0], "MatMul", "MatMul", xt, yt));
        return y.Length == 1 ? x[..^1].ToList() : x[..^1].Concat(y[..^2]).Append(y[^1]).ToList();
    }

    // The MatMul op: rank 2 each (x first), then the inner dimensions.
    private static List<string> MatMulOp(string[] x, string[] y, bool ta, bool tb, string op = "MatMul")
    {
        if (x.Length != 2 || y.Length != 2)
        {
            throw Framed($"Shape must be rank 2 but is rank {(x.Length != 2 ? x.Length : y.Length)}", "MatMul", op, x, y);
        }

        var (kx, ky) = (ta ? x[0] : x[1], tb ? y[1] : y[0]);
        Merge(kx, ky, () => Unequal(kx, ky, "MatMul", op, x, y));
        return new List<string> { ta ? x[1] : x[0], tb ? y[0] : y[1] };
    }

    private static List<string> MatMul(string[] x, string[] y, bool ta, bool tb)
    {
        if (x.Length <= 2 && y.Length <= 2)
        {
            return MatMulOp(x, y, ta, tb);
        }

        const string op = "BatchMatMulV2";
        if (x.Length < 2 || y.Length < 2)
        {
            throw Framed($"Shape must be at least rank 2 but is rank {(x.Length < 2 ? x.Length : y.Length)}", "MatMul", op, x, y);
        }

        var (kx, ky) = (ta ? x[^2] : x[^1], tb ? y[^1] : y[^2]);
        Merge(kx, ky, () => Unequal(kx, ky, "MatMul", op, x, y));
        var bx = x[..^2];
        var by = y[..^2];
        var n = Math.Max(bx.Length, by.Length);
        bx = Enumerable.Repeat("1", n - bx.Length).Concat(bx).ToArray();
        by = Enumerable.Repeat("1", n - by.Length).Concat(by).ToArray();
        var batch = bx.Zip(by, (a, b) => Broadcast(a, b, () => Unequal(a, b, "MatMul", op, x, y))).ToList();
        batch.Add(ta ? x[^1] : x[^2]);
        batch.Add(tb ? y[^2] : y[^1]);
        return batch;
    }

    private static List<string> BatchDot(PartialCase c)
    {
        var (x, y) = (c.X, c.Y);
        var (a0, a1) = c.AxesForm switch
        {
            AxesForm.Default => (x.Length - 1, y.Length - 2),
            AxesForm.Int => (c.Axis0, c.Axis0),
            _ => (c.Axis0, c.Axis1),
        };
        if (c.AxesForm != AxesForm.Default && (a0 < -x.Length || a0 >= x.Length || a1 < -y.Length || a1 >= y.Length))
        {
            throw Fail($"BatchDot axes ({a0}, {a1}) are out of range for input shapes {Frame(x)}, {Frame(y)}: the first axis must be in [{-x.Length}, {x.Length - 1}] and the second in [{-y.Length}, {y.Length - 1}].");
        }

        if (x.Length == 0 || y.Length == 0)
        {
            throw Framed("Shape must be at least rank 1 but is rank 0", "BatchDot", "BatchDot", x, y);
        }

        var n = Math.Max(x.Length, y.Length);
        var diff = Math.Abs(x.Length - y.Length);
        var xp = x.Concat(Enumerable.Repeat("1", n - x.Length)).ToArray();
        var yp = y.Concat(Enumerable.Repeat("1", n - y.Length)).ToArray();
        List<string> product;
        if (n == 1)
        {
            product = MatMulOp(xp, yp, false, false);
        }
        else if (n == 2)
        {
            var left = a0 != a1 ? new[] { xp[1], xp[0] } : xp;
            var sum = a0 != a1 ? a1 : a0;
            sum = sum < 0 ? sum + 2 : sum;
            var broadcast = new[] { 0, 1 }.Select(i => Broadcast(left[i], yp[i], () => Unequal(left[i], yp[i], "Mul", "Mul", left, yp))).ToList();
            product = new List<string> { broadcast[1 - sum] };
        }
        else
        {
            var (adjX, adjY) = (a0 != n - 1, a1 == n - 1);
            product = new List<string>();
            for (var i = 0; i < n - 2; i++)
            {
                var (bx, by) = (xp[i], yp[i]);
                product.Add(Merge(bx, by, () => Framed($"Dimension {i} in both shapes must be equal, but are {bx} and {by}. Shapes are {Frame(xp[..^2])} and {Frame(yp[..^2])}.", "MatMul", "BatchMatMul", xp, yp)));
            }

            var (kx, ky) = (adjX ? xp[^2] : xp[^1], adjY ? yp[^1] : yp[^2]);
            Merge(kx, ky, () => Unequal(kx, ky, "MatMul", "BatchMatMul", xp, yp));
            product.Add(adjX ? xp[^1] : xp[^2]);
            product.Add(adjY ? yp[^2] : yp[^1]);
        }

        if (diff > 0)
        {
            var idx = x.Length > y.Length ? x.Length + y.Length - 3 : x.Length - 1;
            var axes = Enumerable.Range(idx, diff).ToList();
            var frame = product.ToList();
            for (var p = 0; p < axes.Count; p++)
            {
                if (axes[p] < -frame.Count || axes[p] >= frame.Count)
                {
                    throw Framed($"squeeze_dims[{p}] not in [{-frame.Count},{frame.Count}).", "Squeeze", "Squeeze", frame);
                }
            }

            foreach (var axis in axes.Select(a => a < 0 ? a + frame.Count : a).OrderBy(a => a))
            {
                if (Known(frame[axis]) && frame[axis] != "1")
                {
                    throw Framed($"Can not squeeze dim[{axis}], expected a dimension of 1, got {frame[axis]}", "Squeeze", "Squeeze", frame);
                }
            }

            product = frame.Where((_, i) => !axes.Contains(i)).ToList();
        }

        if (product.Count == 1)
        {
            product.Add("1");
        }

        return product;
    }

    // ---------------------------------------------------------------- run time (§8)

    /// <summary>
    /// The run-time outcome after graph time passed: the first failing kernel's text, else the binding text, else
    /// null. <paramref name="rx"/> and <paramref name="ry"/> are the run-time sizes.
    /// </summary>
    public static string? RunTime(PartialCase c, int[] rx, int[] ry)
        => Kernels(c, rx, ry) ?? Binding(c, rx, ry);

    private static string Tf(IEnumerable<int> dims) => "[" + string.Join(",", dims) + "]";

    private static string? Kernels(PartialCase c, int[] x, int[] y)
    {
        if (c.Op == ContractionOp.Dot)
        {
            if (x.Length <= 2 && y.Length <= 2)
            {
                return x[1] == y[0] ? null : $"Matrix size-incompatible: In[0]: {Tf(x)}, In[1]: {Tf(y)}";
            }

            int[] xt = { x[..^1].Aggregate(1, (p, d) => p * d), x[^1] };
            int[] yt = y.Length == 1 ? new[] { y[0], 1 } : new[] { y[^2], y[..^2].Aggregate(1, (p, d) => p * d) * y[^1] };
            return xt[1] == yt[0] ? null : $"Matrix size-incompatible: In[0]: {Tf(xt)}, In[1]: {Tf(yt)}";
        }

        if (c.Op == ContractionOp.MatMul)
        {
            var (ta, tb) = (c.TransposeA, c.TransposeB);
            if (x.Length <= 2 && y.Length <= 2)
            {
                return x[ta ? 0 : 1] == y[tb ? 1 : 0] ? null : $"Matrix size-incompatible: In[0]: {Tf(x)}, In[1]: {Tf(y)}";
            }

            var n = Math.Max(x.Length, y.Length) - 2;
            var bx = Enumerable.Repeat(1, n - (x.Length - 2)).Concat(x[..^2]).ToArray();
            var by = Enumerable.Repeat(1, n - (y.Length - 2)).Concat(y[..^2]).ToArray();
            if (bx.Zip(by).Any(p => p.First != p.Second && p.First != 1 && p.Second != 1))
            {
                return $"In[0] and In[1] must have compatible batch dimensions: {Tf(x)} vs. {Tf(y)}";
            }

            return Inner(x, y, ta, tb);
        }

        var (a0, a1) = c.AxesForm switch
        {
            AxesForm.Default => (x.Length - 1, y.Length - 2),
            AxesForm.Int => (c.Axis0, c.Axis0),
            _ => (c.Axis0, c.Axis1),
        };
        var rank = Math.Max(x.Length, y.Length);
        var xp = x.Concat(Enumerable.Repeat(1, rank - x.Length)).ToArray();
        var yp = y.Concat(Enumerable.Repeat(1, rank - y.Length)).ToArray();
        int[] product;
        if (rank == 2)
        {
            var left = a0 != a1 ? new[] { xp[1], xp[0] } : xp;
            if (left.Zip(yp).Any(p => p.First != p.Second && p.First != 1 && p.Second != 1))
            {
                return $"Incompatible shapes: {Tf(left)} vs. {Tf(yp)}";
            }

            var sum = a0 != a1 ? a1 : a0;
            sum = sum < 0 ? sum + 2 : sum;
            var kept = 1 - sum;
            product = new[] { left[kept] == 1 ? yp[kept] : left[kept] };
        }
        else
        {
            var (adjX, adjY) = (a0 != rank - 1, a1 == rank - 1);
            for (var i = 0; i < rank - 2; i++)
            {
                if (xp[i] != yp[i])
                {
                    return $"In[0].dim({i}) and In[1].dim({i}) must be the same: {Tf(xp)} vs {Tf(yp)}";
                }
            }

            var inner = Inner(xp, yp, adjX, adjY);
            if (inner is not null)
            {
                return inner;
            }

            product = xp[..^2].Append(adjX ? xp[^1] : xp[^2]).Append(adjY ? yp[^2] : yp[^1]).ToArray();
        }

        var diff = Math.Abs(x.Length - y.Length);
        var idx = x.Length > y.Length ? x.Length + y.Length - 3 : x.Length - 1;
        for (var axis = idx; axis < idx + diff; axis++)
        {
            if (product[axis] != 1)
            {
                return $"Can not squeeze dim[{axis}], expected a dimension of 1, got {product[axis]}";
            }
        }

        return null;
    }

    private static string? Inner(int[] a, int[] b, bool adjX, bool adjY)
    {
        var (d1, d2) = (adjX ? a[^2] : a[^1], adjY ? b[^1] : b[^2]);
        return d1 == d2 ? null : $"In[0] mismatch In[1] shape: {d1} vs. {d2}: {Tf(a)} {Tf(b)} {(adjX ? 1 : 0)} {(adjY ? 1 : 0)}";
    }

    // §8.4: scanning x's axes then y's, the first occurrence of a name whose size differs from the name's first one.
    private static string? Binding(PartialCase c, int[] rx, int[] ry)
    {
        var seen = new Dictionary<string, (int Size, string Where)>();
        var axes = c.X.Select((d, i) => (d, rx[i], $"x[{i}]")).Concat(c.Y.Select((d, i) => (d, ry[i], $"y[{i}]")));
        foreach (var (dim, size, where) in axes.Where(a => Named(a.d)))
        {
            if (!seen.TryGetValue(dim, out var first))
            {
                seen[dim] = (size, where);
            }
            else if (first.Size != size)
            {
                return $"Dimension '{dim}' must have the same size wherever it appears in one call, but is {first.Size} at {first.Where} and {size} at {where}.";
            }
        }

        return null;
    }
}
