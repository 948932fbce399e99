using System.Threading;

namespace ShapedTensors;

/// <summary>
/// The lowerings of the last few einsum calls, by equation and operand shapes: a call in a loop parses its equation
/// and plans once, then costs a few comparisons (the shapes by reference first), as a BatchDot call does. Entries are
/// immutable and replaced whole, so threads may share the cache without locks.
/// </summary>
internal static class EinsumPlans
{
    private const int Capacity = 8;
    private static readonly Entry?[] Entries = new Entry?[Capacity];
    private static int _next;

    /// <summary>The lowering of an accepted call seen before, or null.</summary>
    public static EinsumLowering? Find(string equation, Shape a, Shape? b)
    {
        for (var i = 0; i < Capacity; i++)
        {
            var entry = Volatile.Read(ref Entries[i]);
            if (entry is not null && entry.A == a && entry.B == b && string.Equals(entry.Equation, equation, System.StringComparison.Ordinal))
            {
                return entry.Lowering;
            }
        }

        return null;
    }

    /// <summary>Remembers an accepted call's lowering, replacing the oldest entry.</summary>
    public static void Add(string equation, Shape a, Shape? b, EinsumLowering lowering)
    {
        var slot = (int)((uint)Interlocked.Increment(ref _next) % Capacity);
        Volatile.Write(ref Entries[slot], new Entry(equation, a, b, lowering));
    }

    private sealed record Entry(string Equation, Shape A, Shape? B, EinsumLowering Lowering);
}
