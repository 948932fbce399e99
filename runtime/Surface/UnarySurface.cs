using System.Collections.Generic;

namespace ShapedTensors.Surface;

/// <summary>The element-by-element operations (OPS.md §3): <c>x.Relu()</c> (<c>-x</c> for <c>Negate</c>), into a destination.</summary>
internal sealed class UnarySurface : FamilySurface
{
    public override OperationFamily Family => OperationFamily.Unary;

    protected override string EnumName => "UnaryOperation";

    protected override string EnumSummary => "The element-by-element operations of OPS.md §3, as generated code passes them to <see cref=\"GeneratedCodeSupport\"/>.";

    protected override IEnumerable<string> TensorMembers(OperationDescriptor operation)
    {
        var (name, call) = (operation.Name, Call(operation));
        yield return $$"""
            /// <summary><c>{{call}}</c>: {{Wording(operation)}}, element by element (OPS.md §3). Any shape, rank 0 included; never throws a shape error.</summary>
            /// <returns>A tensor of this shape.</returns>
            public DynamicTensor<T> {{name}}() => Elementwise(UnaryOperation.{{name}});
            """;
        if (operation.Operator is { } token)
        {
            yield return $$"""
                /// <summary><c>{{call}}</c> (see <see cref="{{name}}()"/>).</summary>
                public static DynamicTensor<T> operator {{token}}(DynamicTensor<T> x) => NotNull(x).{{name}}();
                """;
        }

        yield return $$"""
            /// <summary><c>{{call}}</c> (see <see cref="{{name}}()"/>), written into <paramref name="destination"/>.</summary>
            /// <param name="destination">A tensor of this shape; may be this tensor (in place).</param>
            /// <exception cref="ArgumentException"><paramref name="destination"/> has the wrong shape.</exception>
            public void {{name}}(DynamicTensor<T> destination) => Elementwise(UnaryOperation.{{name}}, OperationCatalog.{{name}}, DestinationOf(destination));
            """;
    }

    protected override IEnumerable<string> FallbackMembers(OperationDescriptor operation)
    {
        var (name, call) = (operation.Name, Call(operation));
        yield return $$"""
            /// <summary><c>{{call}}</c>, element by element, shapes checked at run time.</summary>
            public static DynamicTensor<T> {{name}}<T>(this IShapedTensor<T> x)
            {{Floating}}
                => Dynamic(x).{{name}}();
            """;
        yield return $$"""
            /// <summary><c>{{call}}</c> into <paramref name="destination"/>, shapes checked at run time.</summary>
            public static void {{name}}<T>(this IShapedTensor<T> x, IShapedTensor<T> destination)
            {{Floating}}
                => Dynamic(x).{{name}}(Destination(destination));
            """;
    }
}
