using System;
using System.Collections.Generic;
using System.Linq;

namespace ShapedTensors.BuildTime;

/// <summary>One call of the synthetic app: an operation on two operand shapes that are compatible.</summary>
internal sealed record SyntheticCall(string Operation, int[] X, int[] Y)
{
    public string Key => Operation + ":" + string.Join("x", X) + ":" + string.Join("x", Y);
}

/// <summary>
/// Distinct random calls (fixed seed): operands of rank 2 to 4 with dimensions 1 to 64, half of them
/// <c>MatMul</c>, a quarter <c>Dot</c> and a quarter <c>BatchDot</c>, each with compatible shapes and a result of
/// at most <see cref="MaxResultElements"/> elements (a realistic app; the generator leaves results too large for
/// an array to the run-time fallback anyway).
/// </summary>
internal static class RandomCalls
{
    public const long MaxResultElements = 1 << 22;

    public static IReadOnlyList<SyntheticCall> Create(int count, int seed)
    {
        var random = new Random(seed);
        var calls = new List<SyntheticCall>(count);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        while (calls.Count < count)
        {
            var call = (random.Next(4)) switch
            {
                0 => Dot(random),
                1 => BatchDot(random),
                _ => MatMul(random),
            };
            if (ResultElements(call) <= MaxResultElements && keys.Add(call.Key))
            {
                calls.Add(call);
            }
        }

        return calls;
    }

    private static int Dim(Random random) => random.Next(1, 65);

    private static int[] Dims(Random random, int count) => Enumerable.Range(0, count).Select(_ => Dim(random)).ToArray();

    // x: (..., k), y: (..., k, n); every leading dimension of both survives.
    private static SyntheticCall Dot(Random random)
    {
        var k = Dim(random);
        var x = Dims(random, random.Next(1, 4)).Append(k).ToArray();
        var y = Dims(random, random.Next(0, 3)).Append(k).Append(Dim(random)).ToArray();
        return new SyntheticCall("Dot", x, y);
    }

    // Equal ranks 3 or 4, identical batch dimensions: (b..., m, k) . (b..., k, n).
    private static SyntheticCall BatchDot(Random random)
    {
        var batch = Dims(random, random.Next(1, 3));
        var (m, k, n) = (Dim(random), Dim(random), Dim(random));
        return new SyntheticCall("BatchDot", [.. batch, m, k], [.. batch, k, n]);
    }

    // Ranks 2 to 4; batch dimensions broadcast (a 1 or a missing dimension stretches).
    private static SyntheticCall MatMul(Random random)
    {
        var batch = Dims(random, random.Next(0, 3));
        var (m, k, n) = (Dim(random), Dim(random), Dim(random));
        var yBatch = batch.Skip(random.Next(0, batch.Length + 1)).Select(d => random.Next(4) == 0 ? 1 : d).ToArray();
        return new SyntheticCall("MatMul", [.. batch, m, k], [.. yBatch, k, n]);
    }

    private static long ResultElements(SyntheticCall call)
    {
        long Product(IEnumerable<int> dims) => dims.Aggregate(1L, (p, d) => p * d);
        var (x, y) = (call.X, call.Y);
        return call.Operation switch
        {
            "Dot" => Product(x[..^1]) * Product(y[..^2]) * y[^1],
            "BatchDot" => Product(x[..^1]) * y[^1],
            _ => Product(x[..^2]) * x[^2] * y[^1], // y's batch dimensions are a suffix of x's, some of them 1
        };
    }
}
