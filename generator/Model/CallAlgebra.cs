namespace ShapedTensors.Generator.Model;

/// <summary>Applies the shared shape algebra to a call's signature, shapes and options.</summary>
internal static class CallAlgebra
{
    /// <param name="semantics">The <c>batch_dot</c> a BatchDot signature follows (the project's <c>ShapedTensorsBatchDot</c>).</param>
    public static ContractionResult Apply(Signature signature, EquatableArray<int> x, EquatableArray<int> y, CallOptions options, BatchDotSemantics semantics = BatchDotSemantics.Keras224)
    {
        var left = new Shape(x.ToArray());
        var right = new Shape(y.ToArray());
        return signature switch
        {
            Signature.Dot => ShapeAlgebra.Dot(left, right),
            Signature.BatchDotDefault => ShapeAlgebra.BatchDot(left, right, semantics),
            Signature.BatchDotInt => ShapeAlgebra.BatchDot(left, right, options.AxisX, semantics),
            Signature.BatchDotPair => ShapeAlgebra.BatchDot(left, right, options.AxisX, options.AxisY, semantics),
            _ => ShapeAlgebra.MatMul(left, right, options.TransposeA, options.TransposeB),
        };
    }
}
