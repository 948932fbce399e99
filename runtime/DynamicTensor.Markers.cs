namespace ShapedTensors;

// The operations that take one axis, with the axis as a marker (Axis.At1), so code written for shaped tensors with
// markers also runs on DynamicTensor<T>. The reductions' are written from OperationCatalog (runtime/Surface).
public sealed partial class DynamicTensor<T>
{
    /// <summary><c>keras.backend.softmax(x, axis)</c> with the axis as a marker (<see cref="Axis.At1"/>).</summary>
    public DynamicTensor<T> Softmax<TAxis>(TAxis axis)
        where TAxis : struct, IAxisMarker
        => Softmax(TAxis.Value);

    /// <summary><c>keras.backend.expand_dims(x, axis)</c> with the axis as a marker (<see cref="Axis.At1"/>).</summary>
    public DynamicTensor<T> ExpandDims<TAxis>(TAxis axis)
        where TAxis : struct, IAxisMarker
        => ExpandDims(TAxis.Value);

    /// <summary><c>keras.backend.squeeze(x, axis)</c> with the axis as a marker (<see cref="Axis.At1"/>).</summary>
    public DynamicTensor<T> Squeeze<TAxis>(TAxis axis)
        where TAxis : struct, IAxisMarker
        => Squeeze(TAxis.Value);

    /// <summary><c>keras.backend.concatenate(tensors, axis)</c> with the axis as a marker (<see cref="Axis.At0"/>).</summary>
    public static DynamicTensor<T> Concatenate<TAxis>(TAxis axis, params DynamicTensor<T>[] tensors)
        where TAxis : struct, IAxisMarker
        => Concatenate(TAxis.Value, tensors);
}
