using System;
using System.Numerics;

namespace ShapedTensors;

// The result-type forms (SEMANTICS.md §7, "Option-dependent results"): where an option value is open-ended (keepdims,
// BatchDot's axes, Reshape's shape, PermuteDimensions' pattern), the call names its result type, a tensor type of fixed
// shape: `x.Reshape<Flat>()`, `x.Sum<T41>(1, keepdims: true)`. C# binds such a call only to a method with that one type
// parameter, so the element type cannot be a second one (float and double have a method each); plain calls (`x.Sum(1)`)
// cannot infer TResult and keep their overloads. The analyzer checks the named type at compile time (ST0001, ST0011); these
// check it at run time with the same text, after the operation's own checks. The reductions' forms (Sum<TResult>, ...)
// are written for every reduction of the catalogue by runtime/Surface (ReductionSurface) and call As below; Reshape's,
// PermuteDimensions' and BatchDot's families are hand-written, and so are their forms here.
public static partial class ShapedTensorFallbacks
{
    /// <summary><c>keras.backend.reshape(x, shape)</c> into the shape of <typeparamref name="TResult"/>, a declared tensor type: <c>x.Reshape&lt;Flat&gt;()</c>.</summary>
    /// <exception cref="ShapeMismatchException">The shapes are incompatible, or the result's shape is not <typeparamref name="TResult"/>'s.</exception>
    public static TResult Reshape<TResult>(this IShapedTensor<float> x)
        where TResult : IShapedTensor<TResult, float>
        => As<float, TResult>(x.Reshape(TResult.TensorShape.ToArray()), x, null, static () => "Reshape()");

    /// <summary><c>keras.backend.reshape(x, shape)</c> into the shape of <typeparamref name="TResult"/>, a declared tensor type: <c>x.Reshape&lt;Flat&gt;()</c>.</summary>
    /// <exception cref="ShapeMismatchException">The shapes are incompatible, or the result's shape is not <typeparamref name="TResult"/>'s.</exception>
    public static TResult Reshape<TResult>(this IShapedTensor<double> x)
        where TResult : IShapedTensor<TResult, double>
        => As<double, TResult>(x.Reshape(TResult.TensorShape.ToArray()), x, null, static () => "Reshape()");

    /// <summary><c>keras.backend.permute_dimensions(x, pattern)</c> as <typeparamref name="TResult"/>.</summary>
    /// <exception cref="ShapeMismatchException">The shapes are incompatible, or the result's shape is not <typeparamref name="TResult"/>'s.</exception>
    public static TResult PermuteDimensions<TResult>(this IShapedTensor<float> x, params int[] pattern)
        where TResult : IShapedTensor<TResult, float>
        => As<float, TResult>(x.PermuteDimensions(pattern), x, null, () => ResultTypeText.Call(OperationCatalog.PermuteDimensions, OperationOptions.WithValues(pattern)));

    /// <summary><c>keras.backend.permute_dimensions(x, pattern)</c> as <typeparamref name="TResult"/>.</summary>
    /// <exception cref="ShapeMismatchException">The shapes are incompatible, or the result's shape is not <typeparamref name="TResult"/>'s.</exception>
    public static TResult PermuteDimensions<TResult>(this IShapedTensor<double> x, params int[] pattern)
        where TResult : IShapedTensor<TResult, double>
        => As<double, TResult>(x.PermuteDimensions(pattern), x, null, () => ResultTypeText.Call(OperationCatalog.PermuteDimensions, OperationOptions.WithValues(pattern)));

    /// <summary><c>keras.backend.batch_dot(x, y, axes)</c> as <typeparamref name="TResult"/>: <c>p.BatchDot&lt;P1&gt;(p, 1)</c>.</summary>
    /// <exception cref="ShapeMismatchException">The shapes are incompatible, or the result's shape is not <typeparamref name="TResult"/>'s.</exception>
    public static TResult BatchDot<TResult>(this IShapedTensor<float> x, IShapedTensor<float> y, int axes, BatchDotSemantics semantics = BatchDotSemantics.Keras224)
        where TResult : IShapedTensor<TResult, float>
        => As<float, TResult>(x.BatchDot(y, axes, semantics), x, y, () => ResultTypeText.BatchDot(axes, axes, pair: false));

    /// <summary><c>keras.backend.batch_dot(x, y, axes)</c> as <typeparamref name="TResult"/>: <c>p.BatchDot&lt;P1&gt;(p, 1)</c>.</summary>
    /// <exception cref="ShapeMismatchException">The shapes are incompatible, or the result's shape is not <typeparamref name="TResult"/>'s.</exception>
    public static TResult BatchDot<TResult>(this IShapedTensor<double> x, IShapedTensor<double> y, int axes, BatchDotSemantics semantics = BatchDotSemantics.Keras224)
        where TResult : IShapedTensor<TResult, double>
        => As<double, TResult>(x.BatchDot(y, axes, semantics), x, y, () => ResultTypeText.BatchDot(axes, axes, pair: false));

    /// <summary><c>keras.backend.batch_dot(x, y, axes)</c> as <typeparamref name="TResult"/>.</summary>
    /// <exception cref="ShapeMismatchException">The shapes are incompatible, or the result's shape is not <typeparamref name="TResult"/>'s.</exception>
    public static TResult BatchDot<TResult>(this IShapedTensor<float> x, IShapedTensor<float> y, (int X, int Y) axes, BatchDotSemantics semantics = BatchDotSemantics.Keras224)
        where TResult : IShapedTensor<TResult, float>
        => As<float, TResult>(x.BatchDot(y, axes, semantics), x, y, () => ResultTypeText.BatchDot(axes.X, axes.Y, pair: true));

    /// <summary><c>keras.backend.batch_dot(x, y, axes)</c> as <typeparamref name="TResult"/>.</summary>
    /// <exception cref="ShapeMismatchException">The shapes are incompatible, or the result's shape is not <typeparamref name="TResult"/>'s.</exception>
    public static TResult BatchDot<TResult>(this IShapedTensor<double> x, IShapedTensor<double> y, (int X, int Y) axes, BatchDotSemantics semantics = BatchDotSemantics.Keras224)
        where TResult : IShapedTensor<TResult, double>
        => As<double, TResult>(x.BatchDot(y, axes, semantics), x, y, () => ResultTypeText.BatchDot(axes.X, axes.Y, pair: true));

    // The result as TResult, sharing its elements (inline storage copies them), or ShapeMismatchException with ST0011's text.
    private static TResult As<T, TResult>(DynamicTensor<T> result, IShapedTensor<T> x, IShapedTensor<T>? y, Func<string> call)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TResult : IShapedTensor<TResult, T>
    {
        var declared = TResult.TensorShape;
        if (!result.Shape.Equals(declared))
        {
            StaticShape[] operands = y is null ? [StaticShape.Of(x.Shape)] : [StaticShape.Of(x.Shape), StaticShape.Of(y.Shape)];
            var described = call();
            var text = ResultTypeText.Mismatch(described, StaticShape.Of(result.Shape), typeof(TResult).Name, declared, operands);
            throw new ShapeMismatchException(described.Substring(0, described.IndexOf('(')), x.Shape, y?.Shape ?? new Shape(), ShapeError.Unframed(text, operands));
        }

        return TResult.Wrap(result.Data);
    }
}
