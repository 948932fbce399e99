namespace ShapedTensors.Generator.Model;

/// <summary>Applies the shared shape algebra to a call's signature, shapes and options.</summary>
internal static class CallAlgebra
{
    /// <param name="semantics">The <c>batch_dot</c> a BatchDot signature follows (the project's <c>ShapedTensorsBatchDot</c>).</param>
    public static ContractionResult Apply(Signature signature, EquatableArray<int> x, EquatableArray<int> y, CallOptions options, BatchDotSemantics semantics = BatchDotSemantics.Keras224)
        => Apply(signature, new Shape(x.ToArray()), new Shape(y.ToArray()), options, semantics);

    /// <inheritdoc cref="Apply(Signature, EquatableArray{int}, EquatableArray{int}, CallOptions, BatchDotSemantics)"/>
    public static ContractionResult Apply(Signature signature, Shape left, Shape right, CallOptions options, BatchDotSemantics semantics = BatchDotSemantics.Keras224)
        => signature switch
        {
            Signature.Dot => ShapeAlgebra.Dot(left, right),
            Signature.BatchDotDefault => ShapeAlgebra.BatchDot(left, right, semantics),
            Signature.BatchDotInt => ShapeAlgebra.BatchDot(left, right, options.AxisX, semantics),
            Signature.BatchDotPair => ShapeAlgebra.BatchDot(left, right, options.AxisX, options.AxisY, semantics),
            _ => ShapeAlgebra.MatMul(left, right, options.TransposeA, options.TransposeB),
        };

    /// <summary>The graph-time rule on partially known shapes (Keras 2.2.4's batch_dot: PARTIAL_SHAPES.md specifies no other).</summary>
    public static StaticContraction ApplyStatic(Signature signature, StaticShape x, StaticShape y, CallOptions options)
        => signature switch
        {
            Signature.Dot => StaticShapeAlgebra.Dot(x, y),
            Signature.BatchDotDefault => StaticShapeAlgebra.BatchDot(x, y),
            Signature.BatchDotInt => StaticShapeAlgebra.BatchDot(x, y, options.AxisX, options.AxisX, validateAxes: true),
            Signature.BatchDotPair => StaticShapeAlgebra.BatchDot(x, y, options.AxisX, options.AxisY, validateAxes: true),
            _ => StaticShapeAlgebra.MatMul(x, y, options.TransposeA, options.TransposeB),
        };
}
