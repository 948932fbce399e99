using System.Collections.Generic;
using System.Linq;
using ShapedTensors.Generator.Model;

namespace ShapedTensors.Generator.Emit;

/// <summary>The widest vector a kernel path uses.</summary>
internal enum VectorKind
{
    V512,
    V256,
    V128,
}

/// <summary>Emits one vector path of a kernel (see <see cref="KernelEmitter"/>).</summary>
internal sealed class VectorKernel
{
    private const int Accumulators = 12;
    private const int MaxInterleave = 4;

    private readonly SourceWriter _w;
    private readonly ContractionPlan _plan;
    private readonly string _t;
    private readonly VectorKind _kind;
    private readonly int _lanes;
    private readonly int _elementSize;
    private readonly int _budget;
    private readonly bool _checked;

    public VectorKernel(SourceWriter writer, ContractionPlan plan, ElementKind element, VectorKind kind, KernelSettings settings)
    {
        _w = writer;
        _plan = plan;
        _t = element.Keyword();
        _kind = kind;
        _elementSize = element.Size();
        _lanes = Lanes(kind, _elementSize);
        _budget = settings.UnrollBudget;
        _checked = settings.CheckedAccess;
    }

    /// <summary>Elements of <paramref name="elementSize"/> bytes in one vector of <paramref name="kind"/>.</summary>
    public static int Lanes(VectorKind kind, int elementSize) => (kind switch { VectorKind.V512 => 64, VectorKind.V256 => 32, _ => 16 }) / elementSize;

    /// <summary>A run of output columns held in one accumulator: <see cref="Lanes"/> columns from <see cref="Offset"/>.</summary>
    private readonly record struct Segment(Offset Offset, int Lanes);

    public void Write(string name)
    {
        var segments = Segments();
        var columnsPerBlock = segments.Count <= 3 ? segments.Count : 2;
        var rowsPerBlock = System.Math.Min(_plan.M, System.Math.Max(1, segments.Count == 1 ? 8 : System.Math.Min(6, Accumulators / columnsPerBlock)));

        var interleave = _plan.M <= rowsPerBlock && segments.Count <= columnsPerBlock ? ItemsToInterleave(rowsPerBlock * columnsPerBlock) : 1;

        var parameters = (_checked
            ? $"global::System.ReadOnlySpan<{_t}> x, global::System.ReadOnlySpan<{_t}> y, global::System.Span<{_t}> o"
            : $"ref {_t} x, ref {_t} y, ref {_t} o")
            + (_plan.Batch.Count > 0 && KernelEmitter.IsRunTime(_plan.Batch[0]) ? ", nuint batch" : string.Empty);
        using (_w.Block($"internal static void {name}({parameters})"))
        {
            if (RowPairs.Apply(_plan, _kind, _elementSize, _budget))
            {
                WritePairedRows(segments);
                return;
            }

            KernelEmitter.WriteBatchLoops(_w, _plan, interleave, "nuint", (items, strides) => WriteItems(items, strides, segments, columnsPerBlock, rowsPerBlock));
        }
    }

    // When one item's whole product fits in a few accumulators, batch items are interleaved to fill the rest.
    private int ItemsToInterleave(int accumulatorsPerItem)
    {
        var innermost = _plan.Batch.Count == 0 ? 1 : KernelEmitter.IsRunTime(_plan.Batch[0]) ? MaxInterleave : _plan.Batch[_plan.Batch.Count - 1].Size;
        return System.Math.Max(1, System.Math.Min(System.Math.Min(MaxInterleave, Accumulators / accumulatorsPerItem), innermost));
    }

    // Rows in pairs (see RowPairs): blocks of up to six pairs, batch items interleaved up to twelve accumulators,
    // and an odd last row through the ordinary micro-kernel at half width.
    private void WritePairedRows(List<Segment> halfRow)
    {
        var pairs = _plan.M / 2;
        var pairsPerBlock = System.Math.Min(pairs, 6);
        var interleave = pairs <= pairsPerBlock ? ItemsToInterleave(pairs) : 1;
        KernelEmitter.WriteBatchLoops(_w, _plan, interleave, "nuint", (items, strides) =>
        {
            for (var first = 0; first < pairs; first += pairsPerBlock)
            {
                var rows = Enumerable.Range(first, System.Math.Min(pairsPerBlock, pairs - first)).Select(p => 2 * p).ToList();
                WritePairBlock(items, strides, rows);
            }

            if (_plan.M % 2 == 1)
            {
                WriteMicroKernel(items, strides, [Offset.Of(_plan.M - 1)], halfRow);
            }
        });
    }

    // One block of row pairs: a window of x per item and pair, then every k unrolled, then full-width stores.
    private void WritePairBlock(int items, (long X, long Y, long Out) strides, List<int> rows)
    {
        var p = _plan;
        var half = _lanes / 2;
        var windows = rows.Select(row => RowPairs.WindowStart(p, _lanes, row)).ToList();
        using (_w.Block())
        {
            for (var i = 0; i < items; i++)
            {
                for (var r = 0; r < rows.Count; r++)
                {
                    var at = Offset.Variable("xb") + (i * strides.X) + windows[r];
                    _w.Line($"var w{i}_{r} = {LoadContiguous("x", _lanes, at)};");
                }
            }

            for (var k = 0; k < p.K; k++)
            {
                for (var i = 0; i < items; i++)
                {
                    var at = Offset.Variable("yb") + (i * strides.Y) + (k * p.YDepthStride);
                    _w.Line($"{(k == 0 ? "var " : string.Empty)}y{i} = KernelMath.Duplicate({LoadContiguous("y", half, at)});");
                }

                for (var i = 0; i < items; i++)
                {
                    for (var r = 0; r < rows.Count; r++)
                    {
                        var lower = (rows[r] * p.XRowStride) + (k * p.XDepthStride) - windows[r];
                        var x = $"KernelMath.BroadcastPair(w{i}_{r}, {lower}, {lower + p.XRowStride})";
                        _w.Line(k == 0 ? $"var c{i}_{r} = {x} * y{i};" : $"c{i}_{r} = KernelMath.MultiplyAdd({x}, y{i}, c{i}_{r});");
                    }
                }
            }

            for (var i = 0; i < items; i++)
            {
                for (var r = 0; r < rows.Count; r++)
                {
                    var at = Offset.Variable("ob") + (i * strides.Out) + (rows[r] * p.OutRowStride);

                    // Two consecutive pair accumulators of a Vector256 path are 64 adjacent output bytes: one 512-bit store
                    // where the hardware has them (see KernelMath.StoreAdjacent).
                    if (_kind == VectorKind.V256 && !_checked && r + 1 < rows.Count)
                    {
                        _w.Line($"KernelMath.StoreAdjacent(c{i}_{r}, c{i}_{r + 1}, ref o, {at});");
                        r++;
                        continue;
                    }

                    _w.Line(Store($"c{i}_{r}", _lanes, at));
                }
            }
        }
    }

    // The columns of a row in the widest vectors that fit (down to 16 bytes): whole vectors, then the tail as one
    // overlapping vector; scalars only when the row is narrower than 16 bytes.
    private List<Segment> Segments()
    {
        var segments = new List<Segment>();
        var n = _plan.N;
        for (var width = _lanes; width * _elementSize >= 16; width /= 2)
        {
            if (n < width)
            {
                continue;
            }

            for (var i = 0; i < n / width; i++)
            {
                segments.Add(new Segment(Offset.Of(i * width), width));
            }

            if (n % width != 0)
            {
                // Recomputing a few columns is cheaper than a scalar tail, and stores are idempotent.
                segments.Add(new Segment(Offset.Of(n - width), width));
            }

            return segments;
        }

        for (var i = 0; i < n; i++)
        {
            segments.Add(new Segment(Offset.Of(i), 1));
        }

        return segments;
    }

    private void WriteItems(int items, (long X, long Y, long Out) strides, List<Segment> segments, int columnsPerBlock, int rowsPerBlock)
    {
        var whole = _plan.N / _lanes;
        var regularBlocks = segments.Count > columnsPerBlock ? whole / columnsPerBlock : 0;
        var regular = regularBlocks * columnsPerBlock;
        if (regularBlocks >= 2)
        {
            var step = columnsPerBlock * _lanes;
            using (_w.Block($"for (nuint n = 0; n < {regularBlocks * step}; n += {step})"))
            {
                var block = Enumerable.Range(0, columnsPerBlock).Select(s => new Segment(Offset.Variable("n") + (s * _lanes), _lanes)).ToList();
                WriteRows(items, strides, block, rowsPerBlock);
            }
        }
        else if (regularBlocks == 1)
        {
            WriteRows(items, strides, segments.Take(columnsPerBlock).ToList(), rowsPerBlock);
        }

        var rest = segments.Skip(regular).ToList();
        for (var start = 0; start < rest.Count; start += columnsPerBlock)
        {
            WriteRows(items, strides, rest.Skip(start).Take(columnsPerBlock).ToList(), rowsPerBlock);
        }
    }

    private void WriteRows(int items, (long X, long Y, long Out) strides, List<Segment> block, int rowsPerBlock)
    {
        var rowBlocks = _plan.M / rowsPerBlock;
        var remainder = _plan.M % rowsPerBlock;
        if (rowBlocks >= 2)
        {
            using (_w.Block($"for (nuint m = 0; m < {rowBlocks * rowsPerBlock}; m += {rowsPerBlock})"))
            {
                WriteMicroKernel(items, strides, Enumerable.Range(0, rowsPerBlock).Select(r => Offset.Variable("m") + r).ToList(), block);
            }
        }
        else if (rowBlocks == 1)
        {
            WriteMicroKernel(items, strides, Enumerable.Range(0, rowsPerBlock).Select(r => Offset.Of(r)).ToList(), block);
        }

        if (remainder > 0)
        {
            var first = rowBlocks * rowsPerBlock;
            WriteMicroKernel(items, strides, Enumerable.Range(first, remainder).Select(r => Offset.Of(r)).ToList(), block);
        }
    }

    // One register block: accumulators for items x rows x segments, a pass over k, then the stores.
    private void WriteMicroKernel(int items, (long X, long Y, long Out) strides, List<Offset> rows, List<Segment> segments)
    {
        var p = _plan;
        var perK = (items * segments.Count) + (items * rows.Count) + (items * rows.Count * segments.Count);
        var unroll = (long)perK * p.K <= _budget;
        using (_w.Block())
        {
            if (unroll)
            {
                // The first k multiplies (declaring the accumulators c{item}_{row}_{segment}); the rest multiply-add.
                var declared = new HashSet<string>();
                for (var k = 0; k < p.K; k++)
                {
                    WriteStep(items, strides, rows, segments, Offset.Of(k), declared, first: k == 0);
                }
            }
            else
            {
                for (var i = 0; i < items; i++)
                {
                    for (var r = 0; r < rows.Count; r++)
                    {
                        for (var s = 0; s < segments.Count; s++)
                        {
                            _w.Line($"var c{i}_{r}_{s} = {Zero(segments[s].Lanes)};");
                        }
                    }
                }

                using (_w.Block($"for (nuint k = 0; k < {p.K}; k++)"))
                {
                    WriteStep(items, strides, rows, segments, Offset.Variable("k"), new HashSet<string>(), first: false);
                }
            }

            for (var i = 0; i < items; i++)
            {
                for (var r = 0; r < rows.Count; r++)
                {
                    for (var s = 0; s < segments.Count; s++)
                    {
                        var at = Offset.Variable("ob") + (i * strides.Out) + rows[r].Times(p.OutRowStride) + segments[s].Offset;
                        _w.Line(Store($"c{i}_{r}_{s}", segments[s].Lanes, at));
                    }
                }
            }
        }
    }

    // One k: load each item's y segments, broadcast each row's x, multiply-add into every accumulator (the first k
    // multiplies and declares them).
    private void WriteStep(int items, (long X, long Y, long Out) strides, List<Offset> rows, List<Segment> segments, Offset k, HashSet<string> declared, bool first)
    {
        var p = _plan;
        var widths = segments.Select(s => s.Lanes).Distinct().OrderByDescending(l => l).ToList();
        for (var i = 0; i < items; i++)
        {
            for (var s = 0; s < segments.Count; s++)
            {
                var at = Offset.Variable("yb") + (i * strides.Y) + k.Times(p.YDepthStride) + segments[s].Offset.Times(p.YColumnStride);
                Assign(declared, $"y{i}_{s}", Load(segments[s].Lanes, at));
            }
        }

        for (var i = 0; i < items; i++)
        {
            for (var r = 0; r < rows.Count; r++)
            {
                var at = Offset.Variable("xb") + (i * strides.X) + rows[r].Times(p.XRowStride) + k.Times(p.XDepthStride);
                foreach (var lanes in widths)
                {
                    // x[row, k], broadcast to every lane.
                    var element = Element("x", at);
                    Assign(declared, $"x{lanes}", lanes == 1 ? element : $"{VectorClass(lanes)}.Create({element})");
                    for (var s = 0; s < segments.Count; s++)
                    {
                        if (segments[s].Lanes == lanes)
                        {
                            var c = $"c{i}_{r}_{s}";
                            _w.Line(first
                                ? $"var {c} = x{lanes} * y{i}_{s};"
                                : lanes == 1
                                    ? $"{c} += x1 * y{i}_{s};"
                                    : $"{c} = KernelMath.MultiplyAdd(x{lanes}, y{i}_{s}, {c});");
                        }
                    }
                }
            }
        }
    }

    private void Assign(HashSet<string> declared, string name, string value)
        => _w.Line(declared.Add(name) ? $"var {name} = {value};" : $"{name} = {value};");

    // A vector of y[k, n .. n + lanes): one load when columns are contiguous, else one element at a time.
    private string Load(int lanes, Offset at)
    {
        if (lanes == 1)
        {
            return Element("y", at);
        }

        if (_plan.YColumnStride == 1)
        {
            return LoadContiguous("y", lanes, at);
        }

        var elements = Enumerable.Range(0, lanes).Select(l => Element("y", at + (l * _plan.YColumnStride)));
        return $"{VectorClass(lanes)}.Create({string.Join(", ", elements)})";
    }

    // A vector of buffer[at .. at + lanes).
    private string LoadContiguous(string buffer, int lanes, Offset at) => _checked
        ? $"{VectorClass(lanes)}.Create({buffer}.Slice((int)({at}), {lanes}))"
        : $"{VectorClass(lanes)}.LoadUnsafe(ref {buffer}, {at})";

    // One element: unchecked through a ref, or through a bounds-checked span.
    private string Element(string buffer, Offset at) => _checked ? $"{buffer}[(int)({at})]" : $"Unsafe.Add(ref {buffer}, {at})";

    private string Store(string accumulator, int lanes, Offset at)
    {
        if (lanes == 1)
        {
            return $"{Element("o", at)} = {accumulator};";
        }

        return _checked
            ? $"{VectorClass(lanes)}.CopyTo({accumulator}, o.Slice((int)({at}), {lanes}));"
            : $"{VectorClass(lanes)}.StoreUnsafe({accumulator}, ref o, {at});";
    }

    private string VectorClass(int lanes) => "Vector" + (lanes * _elementSize * 8).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private string Zero(int lanes) => lanes == 1 ? (_t == "float" ? "0f" : "0d") : $"{VectorClass(lanes)}.Create({(_t == "float" ? "0f" : "0d")})";
}
