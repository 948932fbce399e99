namespace ShapedTensors.Generator.Model;

/// <summary>Applies the shared shape algebra to a call's signature, shapes and options.</summary>
internal static class CallAlgebra
{
    public static ContractionResult Apply(Signature signature, EquatableArray<int> x, EquatableArray<int> y, CallOptions options)
    {
        var left = new Shape(x.ToArray());
        var right = new Shape(y.ToArray());
        return signature switch
        {
            Signature.Dot => ShapeAlgebra.Dot(left, right),
            Signature.BatchDotDefault => ShapeAlgebra.BatchDot(left, right),
            Signature.BatchDotInt => ShapeAlgebra.BatchDot(left, right, options.AxisX),
            Signature.BatchDotPair => ShapeAlgebra.BatchDot(left, right, options.AxisX, options.AxisY),
            _ => ShapeAlgebra.MatMul(left, right, options.TransposeA, options.TransposeB),
        };
    }

    public static ContractionResult Apply(CallModel call) => Apply(call.Signature, call.X.Dims, call.Y.Dims, call.Options);
}
