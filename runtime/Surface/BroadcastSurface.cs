using System.Collections.Generic;

namespace ShapedTensors.Surface;

/// <summary>The broadcasting binaries (OPS.md §1): <c>x.Add(y)</c>, <c>x + y</c> and its scalar forms, into a destination.</summary>
internal sealed class BroadcastSurface : FamilySurface
{
    public override OperationFamily Family => OperationFamily.Broadcast;

    protected override string EnumName => "ElementwiseOperation";

    protected override string EnumSummary => "The broadcasting binary operations of OPS.md §1, as generated code passes them to <see cref=\"GeneratedCodeSupport\"/>.";

    protected override IEnumerable<string> TensorMembers(OperationDescriptor operation)
    {
        var (name, call) = (operation.Name, Call(operation));
        var kernel = $"OperationCatalog.{name}, ElementwiseOperation.{name}";
        yield return $$"""
            /// <summary><c>{{call}}</c> with numpy broadcasting (OPS.md §1): shapes are aligned from the right; a dimension of 1 stretches.</summary>
            /// <param name="y">The right operand.</param>
            /// <returns>A tensor of the broadcast shape.</returns>
            /// <exception cref="ShapeMismatchException">A pair of dimensions is neither equal nor 1, e.g. <c>Dimensions must be equal, but are 3 and 4 for '{{operation.Node}}' (op: '{{operation.Op}}') with input shapes: [2,3], [2,4].</c></exception>
            public DynamicTensor<T> {{name}}(DynamicTensor<T> y) => Elementwise({{kernel}}, ShapeOf(y), y._data);
            """;
        if (operation.Operator is { } token)
        {
            yield return $$"""
                /// <summary><c>{{call}}</c> with numpy broadcasting (see <see cref="{{name}}(DynamicTensor{T})"/>).</summary>
                /// <exception cref="ShapeMismatchException">The shapes do not broadcast.</exception>
                public static DynamicTensor<T> operator {{token}}(DynamicTensor<T> x, DynamicTensor<T> y) => NotNull(x).{{name}}(y);
                """;
            yield return $$"""
                /// <summary><c>{{call}}</c> for every element of <paramref name="x"/>.</summary>
                public static DynamicTensor<T> operator {{token}}(DynamicTensor<T> x, T y) => NotNull(x).Elementwise({{kernel}}, Shape.Scalar, [y]);
                """;
            yield return $$"""
                /// <summary><c>{{call}}</c> for every element of <paramref name="y"/>.</summary>
                public static DynamicTensor<T> operator {{token}}(T x, DynamicTensor<T> y) => new DynamicTensor<T>(Shape.Scalar, [x]).{{name}}(y);
                """;
        }

        yield return $$"""
            /// <summary><c>{{call}}</c> with numpy broadcasting (see <see cref="{{name}}(DynamicTensor{T})"/>), written into <paramref name="destination"/>.</summary>
            /// <param name="y">The right operand.</param>
            /// <param name="destination">A tensor of the broadcast shape; may be this tensor or <paramref name="y"/> (in place).</param>
            /// <exception cref="ShapeMismatchException">The shapes do not broadcast.</exception>
            /// <exception cref="ArgumentException"><paramref name="destination"/> has the wrong shape.</exception>
            public void {{name}}(DynamicTensor<T> y, DynamicTensor<T> destination) => Elementwise({{kernel}}, ShapeOf(y), y._data, DestinationOf(destination));
            """;
    }

    protected override IEnumerable<string> FallbackMembers(OperationDescriptor operation)
    {
        var (name, call) = (operation.Name, Call(operation));
        var check = $"Checked(OperationCatalog.{name}, OperationOptions.None, x, y)";
        yield return $$"""
            /// <summary><c>{{call}}</c> with numpy broadcasting, shapes checked at run time.</summary>
            /// <exception cref="ShapeMismatchException">The shapes do not broadcast.</exception>
            public static DynamicTensor<T> {{name}}<T>(this IShapedTensor<T> x, IShapedTensor<T> y)
            {{Floating}}
                => {{check}}.{{name}}(Dynamic(y));
            """;
        yield return $$"""
            /// <summary><c>{{call}}</c> into <paramref name="destination"/>, shapes checked at run time.</summary>
            public static void {{name}}<T>(this IShapedTensor<T> x, IShapedTensor<T> y, IShapedTensor<T> destination)
            {{Floating}}
                => {{check}}.{{name}}(Dynamic(y), Destination(destination));
            """;
    }
}
