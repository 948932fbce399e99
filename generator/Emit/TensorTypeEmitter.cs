using System.Globalization;
using System.Linq;
using ShapedTensors.Generator.Model;

namespace ShapedTensors.Generator.Emit;

/// <summary>
/// Emits the members of a tensor type: a user's <c>[Tensor]</c> declaration or a canonical result type.
/// The elements live in an array (row-major); the type is a thin wrapper, so converting between
/// same-shape types never copies.
/// </summary>
internal static class TensorTypeEmitter
{
    private const string Runtime = "global::ShapedTensors";

    public static string Emit(TensorTypeModel type, EquatableArray<SameShapeType> sameShapeTypes)
    {
        var writer = new SourceWriter();
        FileHeader.Write(writer);
        var scopes = new System.Collections.Generic.List<SourceWriter.Scope>();
        if (type.Namespace.Length > 0)
        {
            writer.Line($"namespace {Names.Qualified(type.Namespace)}");
            scopes.Add(writer.Block());
        }

        foreach (var containing in type.ContainingTypes)
        {
            scopes.Add(writer.Block($"partial {containing.Keyword} {Names.Identifier(containing.Name)}"));
        }

        WriteType(writer, type, sameShapeTypes);
        for (var i = scopes.Count - 1; i >= 0; i--)
        {
            scopes[i].Dispose();
        }

        return writer.ToString();
    }

    private static void WriteType(SourceWriter w, TensorTypeModel type, EquatableArray<SameShapeType> sameShapeTypes)
    {
        var t = type.Element.Keyword();
        var name = Names.Identifier(type.Name);
        var self = type.FullName;
        var user = new UserMembers(type.UserMembers);
        var dims = type.Dims;
        var rank = dims.Count;
        var length = dims.Aggregate(1L, (product, d) => product * d);
        var shapeText = ShapeText(dims);
        var dimList = string.Join(", ", dims.Select(Int));
        var dynamic = $"{Runtime}.DynamicTensor<{t}>";
        var accessibility = type.Accessibility.Length > 0 ? type.Accessibility + " " : string.Empty;

        w.Line($"/// <summary>A {type.Element.Name().ToLowerInvariant()} tensor of shape {shapeText}: {Int(length)} elements, row-major.</summary>");
        if (type.AddTensorAttribute)
        {
            w.Line(type.Element == ElementKind.Float32 ? $"[{Runtime}.Tensor({dimList})]" : $"[{Runtime}.Tensor<double>({dimList})]");
        }

        w.Line(Names.GeneratedCodeAttribute);
        var modifiers = type.Keyword.StartsWith("readonly ", System.StringComparison.Ordinal) ? "readonly partial " + type.Keyword.Substring("readonly ".Length) : "partial " + type.Keyword;
        using (w.Block($"{accessibility}{modifiers} {name} : {Runtime}.IShapedTensor<{name}, {t}>, global::System.IEquatable<{name}>"))
        {
            // Shape constants.
            w.Line($"/// <summary>The shape, {shapeText}.</summary>");
            w.Line($"public static {Runtime}.Shape Shape {{ get; }} = new {Runtime}.Shape({dimList});");
            w.Line();
            w.Line($"/// <summary>The number of dimensions, {Int(rank)}.</summary>");
            w.Line($"public const int Rank = {Int(rank)};");
            w.Line();
            w.Line($"/// <summary>The number of elements, {Int(length)}.</summary>");
            w.Line($"public const int Length = {Int(length)};");
            for (var i = 0; i < rank; i++)
            {
                w.Line();
                w.Line($"/// <summary>The size of dimension {Int(i)}, {Int(dims[i])}.</summary>");
                w.Line($"public const int Dim{Int(i)} = {Int(dims[i])};");
            }

            w.Line();
            w.Line(type.IsStruct ? $"private readonly {t}[]? _elements; // null only in default({name})" : $"private readonly {t}[] _elements;");
            w.Line();

            // Construction.
            w.Line($"/// <summary>Creates a tensor of zeros of shape {shapeText}.</summary>");
            w.Line($"public {name}() => _elements = new {t}[Length];");
            w.Line();
            w.Line($"private {name}({t}[] elements) => _elements = elements;");
            if (user.Writes("Zeros()"))
            {
                w.Line();
                w.Line($"/// <summary>A tensor of zeros of shape {shapeText}.</summary>");
                w.Line($"public static {name} Zeros() => new {name}();");
            }

            if (user.Writes("Ones()"))
            {
                w.Line();
                w.Line($"/// <summary>A tensor of ones of shape {shapeText}.</summary>");
                using (w.Block($"public static {name} Ones()"))
                {
                    w.Line($"var elements = new {t}[Length];");
                    w.Line($"global::System.Array.Fill(elements, 1{(type.Element == ElementKind.Float32 ? "f" : "d")});");
                    w.Line($"return new {name}(elements);");
                }
            }

            if (user.Writes("Random(int)"))
            {
                w.Line();
                w.Line($"/// <summary>A tensor of shape {shapeText} of uniform values in [0, 1); the same seed always gives the same values.</summary>");
                using (w.Block($"public static {name} Random(int seed)"))
                {
                    w.Line($"var elements = new {t}[Length];");
                    w.Line($"{Runtime}.TensorRandom.FillUniform<{t}>(elements, seed);");
                    w.Line($"return new {name}(elements);");
                }
            }

            if (user.Writes($"FromArray({t}[])"))
            {
                w.Line();
                w.Line($"/// <summary>A tensor holding a copy of <paramref name=\"elements\"/> (row-major, {Int(length)} of them).</summary>");
                w.Line("/// <exception cref=\"global::System.ArgumentNullException\"><paramref name=\"elements\"/> is null.</exception>");
                w.Line($"/// <exception cref=\"global::System.ArgumentException\">There are not {Int(length)} elements.</exception>");
                using (w.Block($"public static {name} FromArray({t}[] elements)"))
                {
                    w.Line("global::System.ArgumentNullException.ThrowIfNull(elements);");
                    w.Line($"return FromSpan(elements);");
                }
            }

            if (user.Writes($"FromSpan(global::System.ReadOnlySpan<{t}>)"))
            {
                w.Line();
                w.Line($"/// <summary>A tensor holding a copy of <paramref name=\"elements\"/> (row-major, {Int(length)} of them).</summary>");
                w.Line($"/// <exception cref=\"global::System.ArgumentException\">There are not {Int(length)} elements.</exception>");
                using (w.Block($"public static {name} FromSpan(global::System.ReadOnlySpan<{t}> elements)"))
                {
                    w.Line($"{Runtime}.GeneratedCodeSupport.CheckLength(Shape, Length, elements.Length, nameof(elements));");
                    w.Line($"return new {name}(elements.ToArray());");
                }
            }

            WriteFromFunction(w, user, name, t, dims);
            w.Line();
            w.Line($"/// <summary>Wraps <paramref name=\"elements\"/> (row-major, {Int(length)} of them) without copying: the tensor and the array share storage.</summary>");
            w.Line($"/// <exception cref=\"global::System.ArgumentException\">There are not {Int(length)} elements.</exception>");
            using (w.Block($"public static {name} Wrap({t}[] elements)"))
            {
                w.Line("global::System.ArgumentNullException.ThrowIfNull(elements);");
                w.Line($"{Runtime}.GeneratedCodeSupport.CheckLength(Shape, Length, elements.Length, nameof(elements));");
                w.Line($"return new {name}(elements);");
            }

            if (user.Writes($"FromDynamic({dynamic})"))
            {
                w.Line();
                w.Line($"/// <summary>The same elements as a tensor of shape {shapeText}, without copying.</summary>");
                w.Line($"/// <exception cref=\"global::System.ArgumentException\"><paramref name=\"tensor\"/> does not have shape {shapeText}.</exception>");
                using (w.Block($"public static {name} FromDynamic({dynamic} tensor)"))
                {
                    w.Line("global::System.ArgumentNullException.ThrowIfNull(tensor);");
                    w.Line($"{Runtime}.GeneratedCodeSupport.CheckShape(Shape, tensor.Shape, nameof({name}), nameof(tensor));");
                    w.Line($"return new {name}({Runtime}.GeneratedCodeSupport.ArrayOf(tensor));");
                }
            }

            // Element access.
            WriteIndexer(w, user, t, dims);
            w.Line();
            w.Line("/// <summary>The elements, row-major; writes change the tensor.</summary>");
            w.Line($"public global::System.Span<{t}> AsSpan() => Elements;");
            w.Line();
            w.Line("/// <summary>The elements, row-major.</summary>");
            w.Line($"public global::System.ReadOnlySpan<{t}> AsReadOnlySpan() => Elements;");
            if (user.Writes("ToArray()"))
            {
                w.Line();
                w.Line("/// <summary>A copy of the elements, row-major.</summary>");
                w.Line($"public {t}[] ToArray() => ({t}[])Elements.Clone();");
            }

            w.Line();
            w.Line("/// <summary>The same elements as a dynamic tensor, without copying.</summary>");
            w.Line($"public {dynamic} ToDynamic() => new {dynamic}(Shape, Elements);");
            w.Line();
            w.Line("/// <summary>The same elements as another tensor type of the same shape, without copying.</summary>");
            w.Line("/// <exception cref=\"global::System.ArgumentException\">The other type's shape differs.</exception>");
            using (w.Block($"public TOther As<TOther>() where TOther : {Runtime}.IShapedTensor<TOther, {t}>"))
            {
                w.Line($"{Runtime}.GeneratedCodeSupport.CheckShape<TOther>(TOther.TensorShape, Shape);");
                w.Line("return TOther.Wrap(Elements);");
            }

            // System.Numerics.Tensors and multi-dimensional arrays.
            WriteInterop(w, user, name, t, dims, shapeText);

            // Conversions.
            if (user.Writes($"conversion({self}):{dynamic}"))
            {
                w.Line();
                w.Line("/// <summary>The same elements as a dynamic tensor, without copying.</summary>");
                w.Line($"public static implicit operator {dynamic}({name} value) => value.ToDynamic();");
            }

            if (user.Writes($"conversion({dynamic}):{self}"))
            {
                w.Line();
                w.Line($"/// <summary>The same elements as a tensor of shape {shapeText}, without copying; throws when the shapes differ.</summary>");
                w.Line($"public static explicit operator {name}({dynamic} tensor) => FromDynamic(tensor);");
            }

            foreach (var other in sameShapeTypes)
            {
                WriteSameShape(w, name, other);
            }

            // Equality and text.
            if (user.Writes($"Equals({self})"))
            {
                w.Line();
                w.Line("/// <summary>Whether both tensors hold the same values (<c>numpy.array_equal</c> with <c>equal_nan=True</c>: NaN equals NaN, 0 equals -0).</summary>");
                w.Line($"public bool Equals({name}{(type.IsStruct ? string.Empty : "?")} other) => {(type.IsStruct ? string.Empty : "other is not null && ")}global::System.MemoryExtensions.SequenceEqual(AsReadOnlySpan(), other.AsReadOnlySpan());");
            }

            if (user.Writes("Equals(object)"))
            {
                w.Line();
                w.Line("/// <inheritdoc/>");
                w.Line($"public override bool Equals(object? obj) => obj is {name} other && Equals(other);");
            }

            if (user.Writes("GetHashCode()"))
            {
                w.Line();
                w.Line("/// <summary>A hash of the values, the same for values that are equal (all NaNs alike, 0 and -0 alike).</summary>");
                w.Line($"public override int GetHashCode() => {Runtime}.GeneratedCodeSupport.HashOf<{t}>(AsReadOnlySpan());");
            }

            if (user.Writes($"op_Equality({self}, {self})"))
            {
                w.Line();
                w.Line("/// <summary>Whether both tensors hold the same values.</summary>");
                w.Line(type.IsStruct
                    ? $"public static bool operator ==({name} left, {name} right) => left.Equals(right);"
                    : $"public static bool operator ==({name}? left, {name}? right) => left is null ? right is null : left.Equals(right);");
            }

            if (user.Writes($"op_Inequality({self}, {self})"))
            {
                w.Line();
                w.Line("/// <summary>Whether the tensors hold different values.</summary>");
                w.Line(type.IsStruct
                    ? $"public static bool operator !=({name} left, {name} right) => !left.Equals(right);"
                    : $"public static bool operator !=({name}? left, {name}? right) => !(left == right);");
            }

            if (user.Writes("ToString()"))
            {
                w.Line();
                w.Line("/// <summary>The values as numpy prints them.</summary>");
                w.Line($"public override string ToString() => {Runtime}.TensorFormatter.Format<{t}>(Shape, AsReadOnlySpan());");
            }

            // Interface members that would clash with the static Shape.
            w.Line();
            w.Line($"{Runtime}.Shape {Runtime}.IShapedTensor<{t}>.Shape => Shape;");
            w.Line();
            w.Line($"static {Runtime}.Shape {Runtime}.IShapedTensor<{name}, {t}>.TensorShape => Shape;");
            w.Line();
            w.Line(type.IsStruct
                ? $"private {t}[] Elements => _elements ?? throw {Runtime}.GeneratedCodeSupport.Uninitialized(nameof({name}));"
                : $"private {t}[] Elements => _elements;");
        }
    }

    // A canonical type converts to and from each type of its shape, without copying, and compares with it: C# would
    // find both types' == applicable through the conversions (CS9342), so the mixed pairs are declared here.
    private static void WriteSameShape(SourceWriter w, string name, SameShapeType other)
    {
        var o = other.FullName;
        var nullable = other.IsClass ? "?" : string.Empty;
        w.Line();
        w.Line($"/// <summary>The same elements as <see cref=\"{o}\"/>, without copying.</summary>");
        w.Line($"public static implicit operator {o}({name} value) => {o}.Wrap(value.Elements);");
        w.Line();
        w.Line($"/// <summary>The same elements as <see cref=\"{name}\"/>, without copying.</summary>");
        w.Line($"public static implicit operator {name}({o} value) => value.As<{name}>();");
        w.Line();
        w.Line("/// <summary>Whether both tensors hold the same values.</summary>");
        w.Line(other.IsClass
            ? $"public static bool operator ==({name} left, {o}? right) => right is not null && left.Equals(right);"
            : $"public static bool operator ==({name} left, {o} right) => left.Equals(right);");
        w.Line();
        w.Line("/// <summary>Whether both tensors hold the same values.</summary>");
        w.Line($"public static bool operator ==({o}{nullable} left, {name} right) => right == left;");
        w.Line();
        w.Line("/// <summary>Whether the tensors hold different values.</summary>");
        w.Line($"public static bool operator !=({name} left, {o}{nullable} right) => !(left == right);");
        w.Line();
        w.Line("/// <summary>Whether the tensors hold different values.</summary>");
        w.Line($"public static bool operator !=({o}{nullable} left, {name} right) => !(right == left);");
    }

    private static void WriteInterop(SourceWriter w, UserMembers user, string name, string t, EquatableArray<int> dims, string shapeText)
    {
        var interop = $"{Runtime}.TensorInterop";
        var tensors = "global::System.Numerics.Tensors";
        if (user.Writes("AsTensorSpan()"))
        {
            w.Line();
            w.Line($"/// <summary>A writable <c>TensorSpan</c> of shape {shapeText} over this tensor's elements (shared, not copied).</summary>");
            w.Line($"public {tensors}.TensorSpan<{t}> AsTensorSpan() => {interop}.AsTensorSpan(Elements, Shape);");
        }

        if (user.Writes("AsReadOnlyTensorSpan()"))
        {
            w.Line();
            w.Line($"/// <summary>A <c>ReadOnlyTensorSpan</c> of shape {shapeText} over this tensor's elements (shared, not copied).</summary>");
            w.Line($"public {tensors}.ReadOnlyTensorSpan<{t}> AsReadOnlyTensorSpan() => {interop}.AsReadOnlyTensorSpan(Elements, Shape);");
        }

        if (user.Writes("ToTensor()"))
        {
            w.Line();
            w.Line($"/// <summary>A <c>Tensor</c> of shape {shapeText} over this tensor's elements (shared, not copied).</summary>");
            w.Line($"public {tensors}.Tensor<{t}> ToTensor() => {interop}.ToTensor(Elements, Shape);");
        }

        if (user.Writes($"FromTensorSpan({tensors}.ReadOnlyTensorSpan<{t}>)"))
        {
            w.Line();
            w.Line($"/// <summary>A tensor holding a copy of <paramref name=\"source\"/>'s elements (any strides), which must have shape {shapeText}.</summary>");
            w.Line($"/// <exception cref=\"global::System.ArgumentException\"><paramref name=\"source\"/> does not have shape {shapeText}.</exception>");
            using (w.Block($"public static {name} FromTensorSpan(in {tensors}.ReadOnlyTensorSpan<{t}> source)"))
            {
                w.Line($"{Runtime}.GeneratedCodeSupport.CheckShape(Shape, {interop}.ShapeOf(source), nameof({name}), nameof(source));");
                w.Line($"return new {name}({interop}.CopyToArray(source));");
            }
        }

        // A rank-1 array is just FromArray/ToArray; C# arrays have at most 32 dimensions.
        if (dims.Count < 2 || dims.Count > 32)
        {
            return;
        }

        var arrayType = $"{t}[{new string(',', dims.Count - 1)}]";
        if (user.Writes($"FromMultidimensionalArray({arrayType})"))
        {
            w.Line();
            w.Line($"/// <summary>A tensor holding a copy of <paramref name=\"array\"/>, which must have shape {shapeText}.</summary>");
            w.Line($"/// <exception cref=\"global::System.ArgumentException\"><paramref name=\"array\"/> does not have shape {shapeText}.</exception>");
            using (w.Block($"public static {name} FromMultidimensionalArray({arrayType} array)"))
            {
                w.Line($"{Runtime}.GeneratedCodeSupport.CheckShape(Shape, {interop}.ShapeOf<{t}>(array), nameof({name}), nameof(array));");
                w.Line($"return new {name}({interop}.CopyToArray<{t}>(array));");
            }
        }

        if (user.Writes("ToMultidimensionalArray()"))
        {
            w.Line();
            w.Line($"/// <summary>A copy of the elements as a <c>{arrayType}</c> of shape {shapeText}.</summary>");
            using (w.Block($"public {arrayType} ToMultidimensionalArray()"))
            {
                w.Line($"var array = new {t}[{string.Join(", ", dims.Select(Int))}];");
                w.Line($"{interop}.CopyInto<{t}>(AsReadOnlySpan(), array);");
                w.Line("return array;");
            }
        }
    }

    private static void WriteFromFunction(SourceWriter w, UserMembers user, string name, string t, EquatableArray<int> dims)
    {
        var rank = dims.Count;
        var parameters = string.Join(", ", Enumerable.Range(0, rank).Select(i => "int"));
        var function = rank > 16 ? $"global::System.Func<global::System.ReadOnlySpan<int>, {t}>" : $"global::System.Func<{(rank > 0 ? parameters + ", " : string.Empty)}{t}>";
        if (!user.Writes($"FromFunction({function})"))
        {
            return;
        }

        w.Line();
        if (rank > 16)
        {
            w.Line($"/// <summary>A tensor whose element at each index is <paramref name=\"valueAt\"/>(index), called once per element in row-major order.</summary>");
            w.Line($"public static {name} FromFunction({function} valueAt) => new {name}({Runtime}.GeneratedCodeSupport.ArrayOf({Runtime}.DynamicTensor<{t}>.FromFunction(Shape, valueAt)));");
            return;
        }

        w.Line($"/// <summary>A tensor whose element at each index is <paramref name=\"valueAt\"/>({string.Join(", ", Enumerable.Range(0, rank).Select(i => "i" + Int(i)))}), called once per element in row-major order.</summary>");
        using (w.Block($"public static {name} FromFunction({function} valueAt)"))
        {
            w.Line("global::System.ArgumentNullException.ThrowIfNull(valueAt);");
            w.Line($"var elements = new {t}[Length];");
            w.Line("var offset = 0;");
            for (var i = 0; i < rank; i++)
            {
                w.Line($"for (var i{Int(i)} = 0; i{Int(i)} < {Int(dims[i])}; i{Int(i)}++)");
            }

            w.Line($"elements[offset++] = valueAt({string.Join(", ", Enumerable.Range(0, rank).Select(i => "i" + Int(i)))});");
            w.Line($"return new {name}(elements);");
        }
    }

    private static void WriteIndexer(SourceWriter w, UserMembers user, string t, EquatableArray<int> dims)
    {
        if (dims.Count == 0)
        {
            // Only canonical result types are scalars, and the user writes nothing in those.
            w.Line();
            w.Line("/// <summary>The single element of this scalar tensor.</summary>");
            using (w.Block($"public {t} Value"))
            {
                w.Line("get => Elements[0];");
                w.Line("set => Elements[0] = value;");
            }

            return;
        }

        var parameters = string.Join(", ", Enumerable.Range(0, dims.Count).Select(i => "int i" + Int(i)));
        var indices = string.Join(", ", Enumerable.Range(0, dims.Count).Select(i => "i" + Int(i)));
        if (user.Writes("this[" + string.Join(", ", Enumerable.Repeat("int", dims.Count)) + "]"))
        {
            w.Line();
            w.Line($"/// <summary>The element at ({indices}).</summary>");
            w.Line("/// <exception cref=\"global::System.ArgumentOutOfRangeException\">An index is outside its dimension.</exception>");
            using (w.Block($"public {t} this[{parameters}]"))
            {
                w.Line($"get => Elements[Offset({indices})];");
                w.Line($"set => Elements[Offset({indices})] = value;");
            }
        }

        w.Line();
        using (w.Block($"private static int Offset({parameters})"))
        {
            for (var i = 0; i < dims.Count; i++)
            {
                w.Line($"if ((uint)i{Int(i)} >= {Int(dims[i])}u) throw {Runtime}.GeneratedCodeSupport.IndexOutOfRange({Int(i)}, i{Int(i)}, {Int(dims[i])});");
            }

            // Row-major: ((i0 * d1 + i1) * d2 + i2) * d3 + i3.
            var offset = "i0";
            for (var i = 1; i < dims.Count; i++)
            {
                offset = (i == 1 ? offset : "(" + offset + ")") + $" * {Int(dims[i])} + i{Int(i)}";
            }

            w.Line($"return {offset};");
        }
    }

    /// <summary>The Python tuple form: <c>(10, 12, 4, 8)</c>, <c>(3,)</c>, <c>()</c>.</summary>
    public static string ShapeText(EquatableArray<int> dims)
        => dims.Count == 1 ? "(" + Int(dims[0]) + ",)" : "(" + string.Join(", ", dims.Select(Int)) + ")";

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The members the user wrote in a declared type (<see cref="TensorTypeModel.UserMembers"/>), which the emitter leaves out.</summary>
internal readonly struct UserMembers
{
    private readonly EquatableArray<string> _keys;

    public UserMembers(EquatableArray<string> keys) => _keys = keys;

    /// <summary>
    /// Whether to write the member of <paramref name="key"/> (a <see cref="Parsing.MemberKeys"/> key): not when the
    /// user wrote it, nor when the user wrote a member of its name that is not a method (which C# would not overload).
    /// </summary>
    public bool Writes(string key)
        => _keys.Count == 0 || !(_keys.Contains(key) || _keys.Contains(Parsing.MemberKeys.NameOf(key)));
}
