using System;
using ShapedTensors;
using Canonical = ShapedTensors.Generated.ShapedTensors.Benchmarks.DebugCalls;

namespace ShapedTensors.Benchmarks.DebugCalls;

// The shapes of the benchmark cases, declared again in this Debug-compiled assembly.
[Tensor(10, 12, 4, 5)] public partial struct SeedW;
[Tensor(10, 12, 5, 8)] public partial struct SeedK;
[Tensor(9, 8, 7, 4, 2)] public partial struct SeedE;
[Tensor(9, 8, 7, 2, 5)] public partial struct SeedF;
[Tensor(4, 4)] public partial struct F32x4;
[Tensor(8, 8)] public partial struct F32x8;
[Tensor(16, 16)] public partial struct F32x16;
[Tensor(32, 32)] public partial struct F32x32;
[Tensor(64, 64)] public partial struct F32x64;
[Tensor(128, 128)] public partial struct F32x128;
[Tensor(256, 256)] public partial struct F32x256;
[Tensor(512, 512)] public partial struct F32x512;
[Tensor(1024, 1024)] public partial struct F32x1024;
[Tensor<double>(256, 256)] public partial struct F64x256;
[Tensor(1000, 16, 16)] public partial struct Batch16;
[Tensor(8, 16, 32)] public partial struct NdX;
[Tensor(16, 32, 64)] public partial struct NdY;

/// <summary>One benchmark call as a Debug build runs it: the operands and the destination are created once.</summary>
public abstract class DebugCase<T>
    where T : unmanaged
{
    /// <summary>The call, into the destination.</summary>
    public abstract void Run();

    /// <summary>The destination's elements.</summary>
    public abstract ReadOnlySpan<T> Output { get; }
}

/// <summary>The Debug builds of every benchmark case, from the operands' row-major elements.</summary>
public static class DebugCases
{
    public static DebugCase<float> SeedBatchDot(float[] x, float[] y) => new Call<SeedW, SeedK, Canonical.Float32_10x12x4x8>(SeedW.Wrap(x), SeedK.Wrap(y), new(), static (a, b, c) => a.BatchDot(b, c), static c => c.AsReadOnlySpan());

    public static DebugCase<float> SeedMatMul(float[] x, float[] y) => new Call<SeedE, SeedF, Canonical.Float32_9x8x7x4x5>(SeedE.Wrap(x), SeedF.Wrap(y), new(), static (a, b, c) => a.MatMul(b, c), static c => c.AsReadOnlySpan());

    public static DebugCase<float> Square(int size, float[] x, float[] y) => size switch
    {
        4 => new Call<F32x4, F32x4, Canonical.Float32_4x4>(F32x4.Wrap(x), F32x4.Wrap(y), new(), static (a, b, c) => a.MatMul(b, c), static c => c.AsReadOnlySpan()),
        8 => new Call<F32x8, F32x8, Canonical.Float32_8x8>(F32x8.Wrap(x), F32x8.Wrap(y), new(), static (a, b, c) => a.MatMul(b, c), static c => c.AsReadOnlySpan()),
        16 => new Call<F32x16, F32x16, Canonical.Float32_16x16>(F32x16.Wrap(x), F32x16.Wrap(y), new(), static (a, b, c) => a.MatMul(b, c), static c => c.AsReadOnlySpan()),
        32 => new Call<F32x32, F32x32, Canonical.Float32_32x32>(F32x32.Wrap(x), F32x32.Wrap(y), new(), static (a, b, c) => a.MatMul(b, c), static c => c.AsReadOnlySpan()),
        64 => new Call<F32x64, F32x64, Canonical.Float32_64x64>(F32x64.Wrap(x), F32x64.Wrap(y), new(), static (a, b, c) => a.MatMul(b, c), static c => c.AsReadOnlySpan()),
        128 => new Call<F32x128, F32x128, Canonical.Float32_128x128>(F32x128.Wrap(x), F32x128.Wrap(y), new(), static (a, b, c) => a.MatMul(b, c), static c => c.AsReadOnlySpan()),
        256 => new Call<F32x256, F32x256, Canonical.Float32_256x256>(F32x256.Wrap(x), F32x256.Wrap(y), new(), static (a, b, c) => a.MatMul(b, c), static c => c.AsReadOnlySpan()),
        512 => new Call<F32x512, F32x512, Canonical.Float32_512x512>(F32x512.Wrap(x), F32x512.Wrap(y), new(), static (a, b, c) => a.MatMul(b, c), static c => c.AsReadOnlySpan()),
        1024 => new Call<F32x1024, F32x1024, Canonical.Float32_1024x1024>(F32x1024.Wrap(x), F32x1024.Wrap(y), new(), static (a, b, c) => a.MatMul(b, c), static c => c.AsReadOnlySpan()),
        _ => throw new ArgumentOutOfRangeException(nameof(size), size, "No Debug case of that size."),
    };

    public static DebugCase<double> SquareF64(double[] x, double[] y) => new Call<F64x256, F64x256, Canonical.Float64_256x256, double>(F64x256.Wrap(x), F64x256.Wrap(y), new(), static (a, b, c) => a.MatMul(b, c), static c => c.AsReadOnlySpan());

    public static DebugCase<float> Batched16(float[] x, float[] y) => new Call<Batch16, Batch16, Canonical.Float32_1000x16x16>(Batch16.Wrap(x), Batch16.Wrap(y), new(), static (a, b, c) => a.MatMul(b, c), static c => c.AsReadOnlySpan());

    public static DebugCase<float> NdDot(float[] x, float[] y) => new Call<NdX, NdY, Canonical.Float32_8x16x16x64>(NdX.Wrap(x), NdY.Wrap(y), new(), static (a, b, c) => a.Dot(b, c), static c => c.AsReadOnlySpan());

    private sealed class Call<TX, TY, TOut>(TX x, TY y, TOut output, Action<TX, TY, TOut> run, OutputOf<TOut, float> read) : Call<TX, TY, TOut, float>(x, y, output, run, read);

    private class Call<TX, TY, TOut, T>(TX x, TY y, TOut output, Action<TX, TY, TOut> run, OutputOf<TOut, T> read) : DebugCase<T>
        where T : unmanaged
    {
        public override void Run() => run(x, y, output);

        public override ReadOnlySpan<T> Output => read(output);
    }

    private delegate ReadOnlySpan<T> OutputOf<TOut, T>(TOut output);
}
