using System.Collections.Generic;
using System.Linq;
using ShapedTensors.Generator.Model;
using ShapedTensors.Generator.Parsing;

namespace ShapedTensors.Generator.Emit;

/// <summary>
/// Emits the members of a tensor type whose shape has sizes known only at run time (<c>[Tensor("batch", 784)]</c>):
/// each value carries its run-time <c>Shape</c> beside its elements (an array, never inline storage), the type its
/// declared <c>StaticShape</c>. Factories take the run-time sizes, one per distinct name and one per unknown axis
/// (<c>dim{axis}</c>), in axis order; everything that builds a value checks the sizes against the declaration.
/// </summary>
/// <remarks>
/// Factories name the type and their parameters with string literals, not <c>nameof</c>: a size parameter may be
/// called <c>nameof</c>, and <c>nameof(x)</c> would then call it.
/// </remarks>
internal static class PartialTensorTypeEmitter
{
    private const string Runtime = TensorTypeEmitter.Runtime;
    private const string Support = Runtime + ".GeneratedCodeSupport";
    private const string Tensors = "global::System.Numerics.Tensors";

    public static void WriteType(SourceWriter w, TensorTypeModel type, EquatableArray<SameShapeType> sameShapeTypes)
    {
        var t = type.Element.Keyword();
        var name = Names.Identifier(type.Name);
        var literal = "\"" + type.Name + "\""; // a C# identifier: nothing to escape
        var user = new UserMembers(type.UserMembers);
        var staticShape = DimsModel.ToStatic(type.Dims, type.DimNames);
        var shapeText = staticShape.ToString();
        var rank = type.Dims.Count;
        var sizes = SizeParameters(type.DimNames);
        var dynamic = $"{Runtime}.DynamicTensor<{t}>";
        var shapeType = $"{Runtime}.Shape";
        var accessibility = type.Accessibility.Length > 0 ? type.Accessibility + " " : string.Empty;

        void Member(string? key, string summary, string code) => TensorTypeEmitter.WriteMember(w, user, key, summary, code);

        // A factory: the sizes after its own parameters, the value built from the array and shape its helper returns.
        void Factory(string method, string parameters, string keyTypes, string summary, string helper, string arguments, IReadOnlyList<SizeParameter> factorySizes)
        {
            var allParameters = string.Join(", ", new[] { parameters }.Concat(factorySizes.Select(size => "int " + size.Code)).Where(p => p.Length > 0));
            var allKeyTypes = string.Join(", ", new[] { keyTypes }.Concat(factorySizes.Select(_ => "int")).Where(p => p.Length > 0));
            var allArguments = string.Join(", ", new[] { "StaticShape", literal }.Concat(arguments.Length > 0 ? new[] { arguments } : System.Array.Empty<string>()).Append("out var shape").Concat(factorySizes.Select(size => size.Code)));
            Member($"{method}({allKeyTypes})", summary, $"public static {name} {method}({allParameters}) => new({Support}.{helper}({allArguments}), shape);");
        }

        var runTime = sizes.Count == 1 ? "the size of " + sizes[0].Description + " is" : "the sizes of " + Describe(sizes) + " are";
        w.Line($"/// <summary>A {type.Element.Name().ToLowerInvariant()} tensor of shape {shapeText}, row-major, whose value carries its run-time shape: {runTime} known only at run time.</summary>");
        // The dimensions as [Tensor] and StaticShape.Parse spell them: 784, "batch", "?".
        var spelled = DimsModel.Spelled(type.Dims, type.DimNames);
        TensorTypeEmitter.WriteAttributes(w, type, spelled);
        using (w.Block($"{accessibility}{TensorTypeEmitter.Modifiers(type)} {name} : {Runtime}.IShapedTensor<{t}>, global::System.IEquatable<{name}>"))
        {
            // The shape: the declared one, and the run-time one each value carries.
            Member(null, $"The declared shape, {shapeText}: a value's <see cref=\"Shape\"/> has its known sizes and one size for each name.", $"public static {Runtime}.StaticShape StaticShape {{ get; }} = {Runtime}.StaticShape.Parse({spelled});");
            Member(null, $"The number of dimensions, {TensorTypeEmitter.Int(rank)}.", $"public const int Rank = {TensorTypeEmitter.Int(rank)};");
            for (var i = 0; i < rank; i++)
            {
                if (!DimsModel.IsRunTime(type.DimNames, i))
                {
                    Member(null, $"The size of dimension {TensorTypeEmitter.Int(i)}, {TensorTypeEmitter.Int(type.Dims[i])}.", $"public const int Dim{TensorTypeEmitter.Int(i)} = {TensorTypeEmitter.Int(type.Dims[i])};");
                }
            }

            var uninitialized = $"{Support}.Uninitialized({literal}, \"{string.Join(", ", sizes.Select(size => size.Name))}\")";
            if (type.IsStruct)
            {
                w.Line($"private readonly {t}[]? _elements; // null only in default({name}), as _shape");
                w.Line($"private readonly {shapeType}? _shape;");
                w.Line($"private {t}[] Elements => _elements ?? throw {uninitialized};");
            }
            else
            {
                w.Line($"private readonly {t}[] _elements;");
                w.Line($"private readonly {shapeType} _shape;");
                w.Line($"private {t}[] Elements => _elements;");
            }

            w.Line($"private {name}({t}[] elements, {shapeType} shape) {{ _elements = elements; _shape = shape; }}");
            Member(null, $"The run-time shape: {shapeText} with this value's sizes.", type.IsStruct ? $"public {shapeType} Shape => _shape ?? throw {uninitialized};" : $"public {shapeType} Shape => _shape;");
            Member(null, "The number of elements, the product of the run-time sizes.", "public int Length => Elements.Length;");
            foreach (var size in sizes.Where(size => size.IsNamed))
            {
                var property = MemberKeys.SizeProperty(size.Name);
                if (user.WritesProperty(property))
                {
                    w.Line($"/// <summary>The run-time size of {size.Description} (dimension {TensorTypeEmitter.Int(size.Axis)}).</summary>");
                    w.Line($"public int {property} => Shape[{TensorTypeEmitter.Int(size.Axis)}];");
                }
            }

            // Creation: the sizes first checked (not negative, the element count within an array's), then as for known types.
            w.Line();
            var one = type.Element == ElementKind.Float32 ? "1f" : "1d";
            var given = sizes.Count == 1 ? "the given size of " + sizes[0].Description : "the given sizes of " + Describe(sizes);
            var throwsCount = "throws <c>ArgumentException</c> when their number is not the element count";
            Factory("Zeros", string.Empty, string.Empty, $"A tensor of zeros with {given}.", $"Zeros<{t}>", string.Empty, sizes);
            Factory("Ones", string.Empty, string.Empty, $"A tensor of ones with {given}.", $"Filled<{t}>", one, sizes);
            Factory("Random", "int seed", "int", $"A tensor of uniform values in [0, 1) with {given}; the same seed and sizes always give the same values.", $"Uniform<{t}>", "seed", sizes);
            Factory("FromArray", $"{t}[] elements", $"{t}[]", $"A tensor holding a copy of <paramref name=\"elements\"/> (row-major) with {given}; {throwsCount}.", $"CopyOf<{t}>", "elements, \"elements\"", sizes);
            Factory("FromSpan", $"global::System.ReadOnlySpan<{t}> elements", $"global::System.ReadOnlySpan<{t}>", $"A tensor holding a copy of <paramref name=\"elements\"/> (row-major) with {given}; {throwsCount}.", $"CopyOf<{t}>", "elements, \"elements\"", sizes);
            WriteFromFunction(Factory, t, rank, sizes);
            Factory("Wrap", $"{t}[] elements", $"{t}[]", $"Wraps <paramref name=\"elements\"/> (row-major) without copying, with {given}: the tensor and the array share storage; {throwsCount}.", $"Checked<{t}>", "elements, \"elements\"", sizes);
            if (type.DimNames.Count(n => n.Length > 0) == 1)
            {
                // One size known only at run time: the element count gives it.
                var inferred = $"the size of {sizes[0].Description} is the element count divided by the known sizes' product; throws <c>ArgumentException</c> when it does not divide";
                Factory("FromArray", $"{t}[] elements", $"{t}[]", $"A tensor holding a copy of <paramref name=\"elements\"/> (row-major): {inferred}.", $"CopyOfInferred<{t}>", "elements, \"elements\"", System.Array.Empty<SizeParameter>());
                Factory("FromSpan", $"global::System.ReadOnlySpan<{t}> elements", $"global::System.ReadOnlySpan<{t}>", $"A tensor holding a copy of <paramref name=\"elements\"/> (row-major): {inferred}.", $"CopyOfInferred<{t}>", "elements, \"elements\"", System.Array.Empty<SizeParameter>());
                Factory("Wrap", $"{t}[] elements", $"{t}[]", $"Wraps <paramref name=\"elements\"/> (row-major) without copying: {inferred}.", $"CheckedInferred<{t}>", "elements, \"elements\"", System.Array.Empty<SizeParameter>());
            }

            Member(null, $"Wraps <paramref name=\"elements\"/> (row-major) without copying as a tensor of run-time shape <paramref name=\"shape\"/>, which must be one of {shapeText}; throws <c>ArgumentException</c> when it is not or the length is not its element count.", $"public static {name} Wrap({t}[] elements, {shapeType} shape) => new({Support}.Admitted<{t}>(StaticShape, {literal}, elements, shape), shape);");
            Member($"FromDynamic({dynamic})", $"The same elements as a tensor of shape {shapeText}, without copying; throws <c>ArgumentException</c> when <paramref name=\"tensor\"/>'s shape is not one of {shapeText}.", $"public static {name} FromDynamic({dynamic} tensor) => new({Support}.StorageOf(StaticShape, tensor, {literal}), tensor.Shape);");
            Member($"FromTensorSpan({Tensors}.ReadOnlyTensorSpan<{t}>)", $"A tensor holding a copy of <paramref name=\"source\"/>'s elements (any strides), whose shape must be one of {shapeText}.", $"public static {name} FromTensorSpan(in {Tensors}.ReadOnlyTensorSpan<{t}> source) => new({Support}.CopyOf(StaticShape, source, {literal}, out var shape), shape);");

            // Element access and views.
            w.Line();
            WriteIndexer(Member, w, t, type);
            Member(null, "The elements, row-major; writes change the tensor.", $"public global::System.Span<{t}> AsSpan() => Elements;");
            Member(null, "The elements, row-major.", $"public global::System.ReadOnlySpan<{t}> AsReadOnlySpan() => Elements;");
            Member("ToArray()", "A copy of the elements, row-major.", $"public {t}[] ToArray() => ({t}[])Elements.Clone();");
            Member(null, "The same elements as a dynamic tensor, without copying.", $"public {dynamic} ToDynamic() => new {dynamic}(Shape, Elements);");
            Member("As`1()", "The same elements as a tensor type of fully known shape, without copying; throws <c>ArgumentException</c> when that shape is not this value's.", $"public TOther As<TOther>() where TOther : {Runtime}.IShapedTensor<TOther, {t}> => {Support}.As<TOther, {t}>(Shape, Elements);");
            Member("AsTensorSpan()", "A writable <c>TensorSpan</c> of the run-time shape over this tensor's elements (shared, not copied).", $"public {Tensors}.TensorSpan<{t}> AsTensorSpan() => {Runtime}.TensorInterop.AsTensorSpan(Elements, Shape);");
            Member("AsReadOnlyTensorSpan()", "A <c>ReadOnlyTensorSpan</c> of the run-time shape over this tensor's elements (shared, not copied).", $"public {Tensors}.ReadOnlyTensorSpan<{t}> AsReadOnlyTensorSpan() => {Runtime}.TensorInterop.AsReadOnlyTensorSpan(Elements, Shape);");
            Member("ToTensor()", "A <c>Tensor</c> of the run-time shape over this tensor's elements (shared, not copied).", $"public {Tensors}.Tensor<{t}> ToTensor() => {Runtime}.TensorInterop.ToTensor(Elements, Shape);");

            // Conversions, equality and text.
            w.Line();
            Member($"conversion({type.FullName}):{dynamic}", "The same elements as a dynamic tensor, without copying.", $"public static implicit operator {dynamic}({name} value) => value.ToDynamic();");
            Member($"conversion({dynamic}):{type.FullName}", $"The same elements as a tensor of shape {shapeText}, without copying; throws when the shape is not one of {shapeText}.", $"public static explicit operator {name}({dynamic} tensor) => FromDynamic(tensor);");
            foreach (var other in sameShapeTypes)
            {
                // Types of the same static shape: the value's shape is always one of the other's.
                var o = other.FullName;
                Member(null, $"The same elements as <see cref=\"{o}\"/>, without copying.", $"public static implicit operator {o}({name} value) => {o}.Wrap(value.Elements, value.Shape);");
                Member(null, $"The same elements as <see cref=\"{name}\"/>, without copying.", $"public static implicit operator {name}({o} value) => FromDynamic(value.ToDynamic());");
                TensorTypeEmitter.WriteSameShapeComparisons(Member, name, other);
            }

            TensorTypeEmitter.WriteEquality(Member, type, string.Empty, "Shape == other.Shape && global::System.MemoryExtensions.SequenceEqual(AsReadOnlySpan(), other.AsReadOnlySpan())");
            w.Line($"{Runtime}.StaticShape {Runtime}.IShapedTensor<{t}>.StaticShape => StaticShape;");
        }
    }

    private static void WriteFromFunction(System.Action<string, string, string, string, string, string, IReadOnlyList<SizeParameter>> factory, string t, int rank, IReadOnlyList<SizeParameter> sizes)
    {
        const string Summary = "A tensor with the given sizes whose element at each index is <paramref name=\"valueAt\"/>(index), called once per element in row-major order.";
        if (rank > 16)
        {
            // Func has at most 16 parameters: the index as a span.
            var spanFunction = $"global::System.Func<global::System.ReadOnlySpan<int>, {t}>";
            factory("FromFunction", $"{spanFunction} valueAt", spanFunction, Summary, $"FromFunction<{t}>", "valueAt", sizes);
            return;
        }

        // The lambda's parameter may shadow a size parameter called index (C# 8 and later allow it): it means the same.
        var function = $"global::System.Func<{string.Concat(Enumerable.Repeat("int, ", rank))}{t}>";
        var arguments = string.Join(", ", Enumerable.Range(0, rank).Select(i => $"index[{TensorTypeEmitter.Int(i)}]"));
        factory("FromFunction", $"{function} valueAt", function, Summary, $"FromFunction<{t}>", $"valueAt is null ? throw new global::System.ArgumentNullException(\"valueAt\") : index => valueAt({arguments})", sizes);
    }

    private static void WriteIndexer(System.Action<string?, string, string> member, SourceWriter w, string t, TensorTypeModel type)
    {
        var rank = type.Dims.Count;
        var parameters = string.Join(", ", Enumerable.Range(0, rank).Select(i => "int i" + TensorTypeEmitter.Int(i)));
        var indices = string.Join(", ", Enumerable.Range(0, rank).Select(i => "i" + TensorTypeEmitter.Int(i)));
        member(
            "this[" + string.Join(", ", Enumerable.Repeat("int", rank)) + "]",
            $"The element at ({indices}); throws <c>ArgumentOutOfRangeException</c> when an index is outside its dimension.",
            $"public {t} this[{parameters}] {{ get => Elements[Offset({indices})]; set => Elements[Offset({indices})] = value; }}");

        // Row-major, each index checked against its size (the run-time one where the declaration does not know it).
        string Size(int axis) => DimsModel.IsRunTime(type.DimNames, axis) ? $"Shape[{TensorTypeEmitter.Int(axis)}]" : TensorTypeEmitter.Int(type.Dims[axis]);
        string Checked(int axis) => $"{Support}.Index(i{TensorTypeEmitter.Int(axis)}, {Size(axis)}, {TensorTypeEmitter.Int(axis)})";
        var offset = Checked(0);
        for (var i = 1; i < rank; i++)
        {
            offset = (i == 1 ? offset : "(" + offset + ")") + $" * {Size(i)} + {Checked(i)}";
        }

        w.Line($"private int Offset({parameters}) => {offset};");
    }

    // The run-time sizes a factory takes, in axis order: one per distinct name (at its first axis), one per unknown axis.
    private static List<SizeParameter> SizeParameters(EquatableArray<string> names)
    {
        var sizes = new List<SizeParameter>();
        for (var axis = 0; axis < names.Count; axis++)
        {
            var name = names[axis];
            if (name == Dimension.UnknownSpelling)
            {
                sizes.Add(new SizeParameter("dim" + TensorTypeEmitter.Int(axis), axis, IsNamed: false));
            }
            else if (name.Length > 0 && !sizes.Any(size => size.IsNamed && size.Name == name))
            {
                sizes.Add(new SizeParameter(name, axis, IsNamed: true));
            }
        }

        return sizes;
    }

    private static string Describe(IReadOnlyList<SizeParameter> sizes)
        => string.Join(", ", sizes.Take(sizes.Count - 1).Select(size => size.Description)) + " and " + sizes[sizes.Count - 1].Description;

    /// <summary>A size parameter: a dimension's name, or <c>dim{axis}</c> for an unknown dimension.</summary>
    private sealed record SizeParameter(string Name, int Axis, bool IsNamed)
    {
        /// <summary>The parameter as code writes it (<c>@class</c>).</summary>
        public string Code => Names.Identifier(Name);

        /// <summary>How summaries name it: <c>batch</c>, or <c>dimension 0</c>.</summary>
        public string Description => IsNamed ? Name : "dimension " + TensorTypeEmitter.Int(Axis);
    }
}
