using System.Collections.Generic;

namespace ShapedTensors.Surface;

/// <summary>The reductions (OPS.md §4), each in three forms (every axis, one axis, a list), into a destination, with a marker, and naming its result type.</summary>
internal sealed class ReductionSurface : FamilySurface
{
    // The options of the three forms: every axis, one, a list (DynamicTensor copies the list: the rule keeps it).
    private const string Every = "null, false";
    private const string One = "[axis], true";
    private const string List = "axis, false";
    private const string CopiedList = "axis is null ? null : (int[])axis.Clone(), false";

    public override OperationFamily Family => OperationFamily.Reduction;

    protected override string EnumName => "ReductionOperation";

    protected override string EnumSummary => "The reductions of OPS.md §4, as generated code passes them to <see cref=\"GeneratedCodeSupport\"/>.";

    protected override IEnumerable<string> TensorMembers(OperationDescriptor operation)
    {
        var (name, python, wording) = (operation.Name, operation.Python, Wording(operation));
        string Reduced(string options) => $"Reduced(OperationCatalog.{name}, ReductionOperation.{name}, OperationOptions.Reduction({options}, keepdims)";
        yield return $$"""
            /// <summary><c>{{python}}(x, axis=None, keepdims)</c>: {{wording}} of every element (OPS.md §4).</summary>
            /// <param name="keepdims">Keep every axis as a 1 (shape <c>(1, ..., 1)</c>) instead of returning a scalar.</param>
            /// <returns>A scalar tensor, or all 1s with <paramref name="keepdims"/>.</returns>
            public DynamicTensor<T> {{name}}(bool keepdims = false) => {{Reduced(Every)}});
            """;
        yield return $$"""
            /// <summary><c>{{python}}(x, axis, keepdims)</c>: {{wording}} along one axis (OPS.md §4).</summary>
            /// <param name="axis">The axis, negative from the end.</param>
            /// <param name="keepdims">Keep the axis as a 1 instead of dropping it.</param>
            /// <exception cref="ShapeMismatchException">The axis is outside <c>[-rank, rank)</c>, e.g. <c>Invalid reduction dimension 2 for input with 2 dimensions. for '{{operation.Node}}' (op: '{{operation.Op}}') with input shapes: [2,3], [] and with computed input tensors: input[1] = &lt;2&gt;.</c></exception>
            public DynamicTensor<T> {{name}}(int axis, bool keepdims = false) => {{Reduced(One)}});
            """;
        yield return $$"""
            /// <summary><c>{{python}}(x, axis, keepdims)</c>: {{wording}} over a list of axes (OPS.md §4); repeats count once, an empty list reduces nothing.</summary>
            /// <param name="axis">The axes, negative from the end; null reduces every axis.</param>
            /// <param name="keepdims">Keep the reduced axes as 1s instead of dropping them.</param>
            /// <exception cref="ShapeMismatchException">An axis is outside <c>[-rank, rank)</c> (the first such, in the order given).</exception>
            public DynamicTensor<T> {{name}}(int[]? axis, bool keepdims = false) => {{Reduced(CopiedList)}});
            """;
        yield return $$"""
            /// <summary><c>{{python}}(x, axis=None, keepdims)</c>: {{wording}} of every element (see <see cref="{{name}}(bool)"/>), written into <paramref name="destination"/>.</summary>
            /// <param name="destination">A scalar tensor, or all 1s with <paramref name="keepdims"/>; sharing no memory with this tensor.</param>
            /// <param name="keepdims">Keep every axis as a 1 instead of returning a scalar.</param>
            /// <exception cref="ArgumentException"><paramref name="destination"/> has the wrong shape or shares memory with this tensor.</exception>
            public void {{name}}(DynamicTensor<T> destination, bool keepdims = false)
                => {{Reduced(Every)}}, DestinationOf(destination));
            """;
        yield return $$"""
            /// <summary><c>{{python}}(x, axis, keepdims)</c>: {{wording}} along one axis (see <see cref="{{name}}(int, bool)"/>), written into <paramref name="destination"/>.</summary>
            /// <param name="axis">The axis, negative from the end.</param>
            /// <param name="destination">A tensor of the reduced shape, sharing no memory with this tensor.</param>
            /// <param name="keepdims">Keep the axis as a 1 instead of dropping it.</param>
            /// <exception cref="ShapeMismatchException">The axis is outside <c>[-rank, rank)</c>.</exception>
            /// <exception cref="ArgumentException"><paramref name="destination"/> has the wrong shape or shares memory with this tensor.</exception>
            public void {{name}}(int axis, DynamicTensor<T> destination, bool keepdims = false)
                => {{Reduced(One)}}, DestinationOf(destination));
            """;
        yield return $$"""
            /// <summary><c>{{python}}(x, axis, keepdims)</c>: {{wording}} over a list of axes (see <see cref="{{name}}(int[], bool)"/>), written into <paramref name="destination"/>.</summary>
            /// <param name="axis">The axes, negative from the end; null reduces every axis.</param>
            /// <param name="destination">A tensor of the reduced shape, sharing no memory with this tensor.</param>
            /// <param name="keepdims">Keep the reduced axes as 1s instead of dropping them.</param>
            /// <exception cref="ShapeMismatchException">An axis is outside <c>[-rank, rank)</c>.</exception>
            /// <exception cref="ArgumentException"><paramref name="destination"/> has the wrong shape or shares memory with this tensor.</exception>
            public void {{name}}(int[]? axis, DynamicTensor<T> destination, bool keepdims = false)
                => {{Reduced(CopiedList)}}, DestinationOf(destination));
            """;
        yield return $$"""
            /// <summary><c>{{python}}(x, axis, keepdims)</c> with the axis as a marker (<see cref="Axis.At1"/>).</summary>
            public DynamicTensor<T> {{name}}<TAxis>(TAxis axis, bool keepdims = false)
                where TAxis : struct, IAxisMarker
                => {{name}}(TAxis.Value, keepdims);
            """;
    }

    protected override IEnumerable<string> FallbackMembers(OperationDescriptor operation)
    {
        var (name, python) = (operation.Name, operation.Python);
        string Check(string options) => $"Checked(OperationCatalog.{name}, OperationOptions.Reduction({options}, keepdims), x)";
        yield return $$"""
            /// <summary><c>{{python}}(x, axis=None, keepdims)</c> over every axis, shapes checked at run time.</summary>
            public static DynamicTensor<T> {{name}}<T>(this IShapedTensor<T> x, bool keepdims = false)
            {{Floating}}
                => {{Check(Every)}}.{{name}}(keepdims);
            """;
        yield return $$"""
            /// <summary><c>{{python}}(x, axis, keepdims)</c> along one axis, shapes checked at run time.</summary>
            /// <exception cref="ShapeMismatchException">The axis is out of range.</exception>
            public static DynamicTensor<T> {{name}}<T>(this IShapedTensor<T> x, int axis, bool keepdims = false)
            {{Floating}}
                => {{Check(One)}}.{{name}}(axis, keepdims);
            """;
        yield return $$"""
            /// <summary><c>{{python}}(x, axis, keepdims)</c> over a list of axes (null: every axis), shapes checked at run time.</summary>
            /// <exception cref="ShapeMismatchException">An axis is out of range.</exception>
            public static DynamicTensor<T> {{name}}<T>(this IShapedTensor<T> x, int[]? axis, bool keepdims = false)
            {{Floating}}
                => {{Check(List)}}.{{name}}(axis, keepdims);
            """;
        yield return $$"""
            /// <summary><c>{{python}}(x, axis=None, keepdims)</c> into <paramref name="destination"/>, shapes checked at run time.</summary>
            public static void {{name}}<T>(this IShapedTensor<T> x, IShapedTensor<T> destination, bool keepdims = false)
            {{Floating}}
                => {{Check(Every)}}.{{name}}(Destination(destination), keepdims);
            """;
        yield return $$"""
            /// <summary><c>{{python}}(x, axis, keepdims)</c> into <paramref name="destination"/>, shapes checked at run time.</summary>
            public static void {{name}}<T>(this IShapedTensor<T> x, int axis, IShapedTensor<T> destination, bool keepdims = false)
            {{Floating}}
                => {{Check(One)}}.{{name}}(axis, Destination(destination), keepdims);
            """;
        yield return $$"""
            /// <summary><c>{{python}}(x, axis, keepdims)</c> into <paramref name="destination"/>, shapes checked at run time.</summary>
            public static void {{name}}<T>(this IShapedTensor<T> x, int[]? axis, IShapedTensor<T> destination, bool keepdims = false)
            {{Floating}}
                => {{Check(List)}}.{{name}}(axis, Destination(destination), keepdims);
            """;
        yield return $$"""
            /// <summary><c>{{python}}(x, axis, keepdims)</c> with the axis as a marker (<see cref="Axis.At1"/>), shapes checked at run time.</summary>
            public static DynamicTensor<T> {{name}}<T, TAxis>(this IShapedTensor<T> x, TAxis axis, bool keepdims = false)
            {{Floating}}
                where TAxis : struct, IAxisMarker
                => x.{{name}}(TAxis.Value, keepdims);
            """;
        foreach (var element in ResultElements)
        {
            foreach (var member in ResultTypeMembers(operation, element))
            {
                yield return member;
            }
        }
    }

    // The element types of the result-type forms: C# binds x.Sum<T41>(…) only to a method with that one type
    // parameter, so each element type has a method of its own (SEMANTICS.md §7, "result-type forms").
    private static readonly string[] ResultElements = ["float", "double"];

    // The result-type forms of one element type (x.Sum<T41>(1, keepdims: true)): the fallback's result as the named
    // type, checked at run time by the hand-written As (runtime/ShapedTensorFallbacks.ResultTypes.cs) with ST0011's text.
    private static IEnumerable<string> ResultTypeMembers(OperationDescriptor operation, string element)
    {
        var (name, python) = (operation.Name, operation.Python);
        string As(string options) => $"As<{element}, TResult>(x.{name}(axis, keepdims), x, null, () => ResultTypeText.Call(OperationCatalog.{name}, OperationOptions.Reduction({options}, keepdims)))";
        yield return $$"""
            /// <summary><c>{{python}}(x, axis, keepdims)</c> as <typeparamref name="TResult"/>: <c>x.{{name}}&lt;T41&gt;(1, keepdims: true)</c>.</summary>
            /// <exception cref="ShapeMismatchException">The shapes are incompatible, or the result's shape is not <typeparamref name="TResult"/>'s.</exception>
            public static TResult {{name}}<TResult>(this IShapedTensor<{{element}}> x, int axis, bool keepdims = false)
                where TResult : IShapedTensor<TResult, {{element}}>
                => {{As(One)}};
            """;
        yield return $$"""
            /// <summary><c>{{python}}(x, axis, keepdims)</c> over a list of axes (null: every axis) as <typeparamref name="TResult"/>.</summary>
            /// <exception cref="ShapeMismatchException">The shapes are incompatible, or the result's shape is not <typeparamref name="TResult"/>'s.</exception>
            public static TResult {{name}}<TResult>(this IShapedTensor<{{element}}> x, int[]? axis = null, bool keepdims = false)
                where TResult : IShapedTensor<TResult, {{element}}>
                => {{As(List)}};
            """;
    }
}
