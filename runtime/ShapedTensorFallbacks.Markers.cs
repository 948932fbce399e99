using System.Numerics;

namespace ShapedTensors;

// The operations that take one axis, with the axis as a marker (Axis.At1): what a call with a marker binds to when the
// generator did not specialize it (shapes known only at run time, say). Markers do not convert to int, so they never
// bind to a generated overload made for another axis. The reductions' are written from OperationCatalog (runtime/Surface).
public static partial class ShapedTensorFallbacks
{
    /// <summary><c>keras.backend.softmax(x, axis)</c> with the axis as a marker (<see cref="Axis.At1"/>), shapes checked at run time.</summary>
    public static DynamicTensor<T> Softmax<T, TAxis>(this IShapedTensor<T> x, TAxis axis)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TAxis : struct, IAxisMarker
        => x.Softmax(TAxis.Value);

    /// <summary><c>keras.backend.expand_dims(x, axis)</c> with the axis as a marker (<see cref="Axis.At1"/>), shapes checked at run time.</summary>
    public static DynamicTensor<T> ExpandDims<T, TAxis>(this IShapedTensor<T> x, TAxis axis)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TAxis : struct, IAxisMarker
        => x.ExpandDims(TAxis.Value);

    /// <summary><c>keras.backend.squeeze(x, axis)</c> with the axis as a marker (<see cref="Axis.At1"/>), shapes checked at run time.</summary>
    public static DynamicTensor<T> Squeeze<T, TAxis>(this IShapedTensor<T> x, TAxis axis)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TAxis : struct, IAxisMarker
        => x.Squeeze(TAxis.Value);

    /// <summary><c>keras.backend.concatenate([x, y], axis)</c> with the axis as a marker (<see cref="Axis.At0"/>), shapes checked at run time.</summary>
    public static DynamicTensor<T> Concatenate<T, TAxis>(this IShapedTensor<T> x, IShapedTensor<T> y, TAxis axis)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TAxis : struct, IAxisMarker
        => x.Concatenate(y, TAxis.Value);

    /// <summary><c>keras.backend.concatenate([x, y, z], axis)</c> with the axis as a marker (<see cref="Axis.At0"/>), shapes checked at run time.</summary>
    public static DynamicTensor<T> Concatenate<T, TAxis>(this IShapedTensor<T> x, IShapedTensor<T> y, IShapedTensor<T> z, TAxis axis)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TAxis : struct, IAxisMarker
        => x.Concatenate(y, z, TAxis.Value);

    /// <summary><c>keras.backend.concatenate([x, y, z, w], axis)</c> with the axis as a marker (<see cref="Axis.At0"/>), shapes checked at run time.</summary>
    public static DynamicTensor<T> Concatenate<T, TAxis>(this IShapedTensor<T> x, IShapedTensor<T> y, IShapedTensor<T> z, IShapedTensor<T> w, TAxis axis)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TAxis : struct, IAxisMarker
        => x.Concatenate(y, z, w, TAxis.Value);
}
