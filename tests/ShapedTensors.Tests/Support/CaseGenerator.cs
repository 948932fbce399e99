using System;
using ShapedTensors.Tests.Reference;

namespace ShapedTensors.Tests.Support;

/// <summary>
/// Deterministic random cases. Each case is produced from its own seed (so a failure can be replayed
/// alone). Dims are 0 to maxDim (see <see cref="DrawDim"/>). Shapes are biased toward compatibility: y's dims are mostly copied from x (same position
/// from the left, right-aligned, or the contracted dim), then a few candidates are tried until the
/// wanted outcome (success most of the time, a failure otherwise) appears.
/// </summary>
internal static class CaseGenerator
{
    /// <summary>Makes the case for <paramref name="seed"/>.</summary>
    /// <param name="seed">The case's seed.</param>
    /// <param name="op">The operation.</param>
    /// <param name="maxRank">Ranks are drawn from 1..maxRank.</param>
    /// <param name="maxDim">Dims are drawn from 0..maxDim.</param>
    /// <param name="maxElements">Upper bound on operand and result element counts (for value cases), or 0.</param>
    /// <param name="tfKeras">For BatchDot: cases of tf.keras' batch_dot instead of Keras 2.2.4's.</param>
    public static ContractionCase Make(int seed, ContractionOp op, int maxRank = 6, int maxDim = 9, long maxElements = 0, bool tfKeras = false)
    {
        var rng = new Random(seed);
        var wantSuccess = rng.NextDouble() < 0.75;
        var rx = rng.Next(1, maxRank + 1);
        var ry = rng.Next(1, maxRank + 1);
        if ((op == ContractionOp.MatMul || tfKeras) && rng.NextDouble() < 0.8)
        {
            // Rank 1 always fails for MatMul and tf.keras' batch_dot; keep it but not too often.
            rx = Math.Max(rx, 2);
            ry = Math.Max(ry, 2);
        }

        var axesForm = AxesForm.Default;
        int a0 = 0, a1 = 0;
        bool ta = false, tb = false;
        switch (op)
        {
            case ContractionOp.BatchDot:
                axesForm = (AxesForm)rng.Next(3);
                a0 = DrawAxis(rng, rx, tfKeras);
                a1 = axesForm == AxesForm.Int ? a0 : DrawAxis(rng, ry, tfKeras);
                break;
            case ContractionOp.MatMul:
                ta = rng.Next(2) == 1;
                tb = rng.Next(2) == 1;
                break;
        }

        if (maxElements > 0)
        {
            // Keep value cases small without collapsing every dim to 1: bound dims by the element budget.
            var outRank = Math.Max(2, op == ContractionOp.Dot ? Math.Max(rx + ry - 2, Math.Max(rx, ry)) : Math.Max(rx, ry));
            maxDim = Math.Max(2, Math.Min(maxDim, (int)Math.Floor(Math.Pow(maxElements, 1.0 / outRank)) + 1));
        }

        ContractionCase? fallback = null;
        for (var attempt = 0; attempt < 400; attempt++)
        {
            if (wantSuccess && attempt % 2 == 0 && op != ContractionOp.Dot)
            {
                var (cx, cy) = op switch
                {
                    ContractionOp.BatchDot when tfKeras => ConstructTfKerasBatchDot(rng, rx, ry, axesForm == AxesForm.Default ? (rx - 1, ry == 2 ? 1 : ry - 2) : (a0, a1), maxDim),
                    ContractionOp.BatchDot => ConstructBatchDot(rng, rx, ry, axesForm == AxesForm.Default ? (rx - 1, ry - 2) : (a0, a1), maxDim),
                    _ => ConstructMatMul(rng, rx, ry, ta, tb, maxDim),
                };
                var constructed = new ContractionCase(op, cx, cy, axesForm, a0, a1, ta, tb, tfKeras);
                if ((maxElements == 0 || Fits(constructed, maxElements)) && Outcome.OfReference(constructed).Succeeded)
                {
                    return constructed;
                }

                continue;
            }

            var x = new int[rx];
            for (var i = 0; i < rx; i++)
            {
                x[i] = DrawDim(rng, maxDim);
            }

            var y = new int[ry];
            for (var j = 0; j < ry; j++)
            {
                y[j] = rng.Next(10) switch
                {
                    < 4 => j < rx ? x[j] : DrawDim(rng, maxDim),                                  // same position
                    < 6 => ry - 1 - j < rx ? x[rx - 1 - (ry - 1 - j)] : DrawDim(rng, maxDim),     // right-aligned
                    < 7 => x[rng.Next(rx)],                                                         // any dim of x
                    < 8 => 1,
                    _ => DrawDim(rng, maxDim),
                };
            }

            if (op == ContractionOp.Dot && rng.NextDouble() < 0.7)
            {
                y[ry >= 2 ? ry - 2 : 0] = x[rx - 1];
            }

            var candidate = new ContractionCase(op, x, y, axesForm, a0, a1, ta, tb, tfKeras);
            if (maxElements > 0 && !Fits(candidate, maxElements))
            {
                continue;
            }

            fallback ??= candidate;
            if (Outcome.OfReference(candidate).Succeeded == wantSuccess)
            {
                return candidate;
            }
        }

        if (fallback is not null)
        {
            return fallback;
        }

        // Nothing small enough came up: use all-ones dims, which always fit.
        return new ContractionCase(op, Ones(rx), Ones(ry), axesForm, a0, a1, ta, tb, tfKeras);
    }

    /// <summary>
    /// Builds BatchDot operands that satisfy the Keras 2.2.4 rules by construction (padded batch dims
    /// identical, inner dims equal, padded and squeezed positions 1); the caller still verifies.
    /// </summary>
    private static (int[] X, int[] Y) ConstructBatchDot(Random rng, int rx, int ry, (int A0, int A1) axes, int maxDim)
    {
        var n = Math.Max(rx, ry);
        var xp = new int[n];
        var yp = new int[n];
        for (var i = 0; i < n; i++)
        {
            xp[i] = DrawDim(rng, maxDim);
            yp[i] = DrawDim(rng, maxDim);
        }

        // Pairs (i in x, j in y) that must be equal, and positions forced to 1.
        var pairs = new System.Collections.Generic.List<(int I, int J)>();
        var oneX = new bool[n];
        var oneY = new bool[n];
        for (var i = rx; i < n; i++)
        {
            oneX[i] = true;
        }

        for (var j = ry; j < n; j++)
        {
            oneY[j] = true;
        }

        if (n >= 3)
        {
            var adjX = axes.A0 != n - 1;
            var adjY = axes.A1 == n - 1;
            for (var i = 0; i < n - 2; i++)
            {
                pairs.Add((i, i));
            }

            pairs.Add((adjX ? n - 2 : n - 1, adjY ? n - 1 : n - 2));

            // The squeezed axes of the result (batch dims, then rows, then cols) must be 1.
            var diff = Math.Abs(rx - ry);
            var idx = rx > ry ? rx + ry - 3 : rx - 1;
            for (var p = idx; p < idx + diff && p < n; p++)
            {
                if (p < n - 2)
                {
                    oneX[p] = true;
                }
                else if (p == n - 2)
                {
                    oneX[adjX ? n - 1 : n - 2] = true;
                }
                else
                {
                    oneY[adjY ? n - 2 : n - 1] = true;
                }
            }
        }
        else if (n == 2)
        {
            if (axes.A0 == axes.A1)
            {
                pairs.Add((0, 0));
                pairs.Add((1, 1));
            }
            else
            {
                pairs.Add((1, 0));
                pairs.Add((0, 1));
            }
        }

        for (var i = 0; i < n; i++)
        {
            if (oneX[i])
            {
                xp[i] = 1;
            }

            if (oneY[i])
            {
                yp[i] = 1;
            }
        }

        foreach (var (i, j) in pairs)
        {
            if (oneX[i] || oneY[j])
            {
                xp[i] = 1;
                yp[j] = 1;
            }
            else
            {
                yp[j] = xp[i];
            }
        }

        return (xp[..rx], yp[..ry]);
    }

    /// <summary>
    /// Builds operands for tf.keras' batch_dot: the same batch size, and equal contracted dims (unless an axis is 0
    /// or out of range, which stays an error); the caller still verifies.
    /// </summary>
    private static (int[] X, int[] Y) ConstructTfKerasBatchDot(Random rng, int rx, int ry, (int A0, int A1) axes, int maxDim)
    {
        var x = new int[rx];
        var y = new int[ry];
        for (var i = 0; i < rx; i++)
        {
            x[i] = DrawDim(rng, maxDim);
        }

        for (var j = 0; j < ry; j++)
        {
            y[j] = DrawDim(rng, maxDim);
        }

        if (rx > 0 && ry > 0)
        {
            y[0] = x[0];
        }

        var a0 = axes.A0 < 0 ? axes.A0 + rx : axes.A0;
        var a1 = axes.A1 < 0 ? axes.A1 + ry : axes.A1;
        if (a0 >= 0 && a0 < rx && a1 >= 0 && a1 < ry)
        {
            y[a1] = x[a0];
        }

        return (x, y);
    }

    /// <summary>Builds MatMul operands with matching inner dims and broadcast-compatible batch dims.</summary>
    private static (int[] X, int[] Y) ConstructMatMul(Random rng, int rx, int ry, bool ta, bool tb, int maxDim)
    {
        var x = new int[rx];
        var y = new int[ry];
        for (var i = 0; i < rx; i++)
        {
            x[i] = DrawDim(rng, maxDim);
        }

        for (var j = 0; j < ry; j++)
        {
            y[j] = DrawDim(rng, maxDim);
        }

        if (rx >= 2 && ry >= 2)
        {
            y[tb ? ry - 1 : ry - 2] = x[ta ? rx - 2 : rx - 1];

            // Right-aligned batch dims: equal, or one side 1.
            for (int i = rx - 3, j = ry - 3; i >= 0 && j >= 0; i--, j--)
            {
                switch (rng.Next(4))
                {
                    case 0:
                        x[i] = 1;
                        break;
                    case 1:
                        y[j] = 1;
                        break;
                    default:
                        y[j] = x[i];
                        break;
                }
            }
        }

        return (x, y);
    }

    private static int[] Ones(int rank)
    {
        var a = new int[rank];
        Array.Fill(a, 1);
        return a;
    }

    /// <summary>
    /// Dims 0..maxDim with extra weight on 1 (it drives broadcasting and squeezing) and a few 0s (empty
    /// tensors and empty contractions).
    /// </summary>
    private static int DrawDim(Random rng, int maxDim) => rng.NextDouble() switch
    {
        < ZeroChance => 0,
        < 0.15 => 1,
        _ => rng.Next(1, maxDim + 1),
    };

    /// <summary>The chance of a 0 for each drawn dimension.</summary>
    private const double ZeroChance = 0.025;

    /// <summary>
    /// Axes mostly in range (negative included), sometimes one step outside; for tf.keras, which rejects the batch
    /// axis, usually not axis 0.
    /// </summary>
    private static int DrawAxis(Random rng, int rank, bool tfKeras = false)
    {
        if (rng.NextDouble() < 0.06)
        {
            return rng.Next(2) == 0 ? rank : -rank - 1;
        }

        var axis = rng.Next(-rank, rank);
        return tfKeras && (axis == 0 || axis == -rank) && rng.NextDouble() < 0.8 ? rng.Next(-rank, rank) : axis;
    }

    private static bool Fits(ContractionCase c, long maxElements)
    {
        if (NdArray.Size(c.X) > maxElements || NdArray.Size(c.Y) > maxElements)
        {
            return false;
        }

        var outcome = Outcome.OfReference(c);
        return !outcome.Succeeded || NdArray.Size(outcome.Shape!) <= maxElements;
    }
}
