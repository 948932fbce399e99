using System.Globalization;
using System.Linq;
using ShapedTensors.Generator.Model;

namespace ShapedTensors.Generator.Emit;

/// <summary>
/// Emits the members of a tensor type: a user's <c>[Tensor]</c> declaration or a canonical result type.
/// The elements live in an array (row-major); the type is a thin wrapper, so converting between
/// same-shape types never copies. A type with inline storage (<see cref="InlineStorage"/>) holds them itself, as a
/// value: the same members, those that would share the array copying instead.
/// </summary>
internal static class TensorTypeEmitter
{
    internal const string Runtime = "global::ShapedTensors";

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

        if (type.IsPartial)
        {
            PartialTensorTypeEmitter.WriteType(writer, type, sameShapeTypes);
        }
        else
        {
            WriteType(writer, type, sameShapeTypes);
        }

        for (var i = scopes.Count - 1; i >= 0; i--)
        {
            scopes[i].Dispose();
        }

        return writer.ToString();
    }

    // Every member is one documented line, its body (where there is more than an expression) in the runtime's
    // GeneratedCodeSupport: each type costs every build and every keystroke, so it stays short.
    private static void WriteType(SourceWriter w, TensorTypeModel type, EquatableArray<SameShapeType> sameShapeTypes)
    {
        var t = type.Element.Keyword();
        var name = Names.Identifier(type.Name);
        var self = type.FullName;
        var user = new UserMembers(type.UserMembers);
        var dims = type.Dims;
        var rank = dims.Count;
        var length = Int(dims.Aggregate(1L, (product, d) => product * d));
        var shapeText = ShapeText(dims);
        var dimList = string.Join(", ", dims.Select(Int));
        var dynamic = $"{Runtime}.DynamicTensor<{t}>";
        var support = $"{Runtime}.GeneratedCodeSupport";
        var tensors = "global::System.Numerics.Tensors";
        var accessibility = type.Accessibility.Length > 0 ? type.Accessibility + " " : string.Empty;
        var inline = type.InlineStorage;

        // Inline storage: members that read it are readonly (no defensive copies of an `in` or readonly value), and
        // those that hand out a span of it are [UnscopedRef], so the span cannot outlive the variable it points into.
        var @readonly = inline ? "readonly " : string.Empty;
        var unscoped = inline ? "[global::System.Diagnostics.CodeAnalysis.UnscopedRef] " : string.Empty;
        var copied = inline ? "a copy: this type stores its elements inline" : "without copying";

        // A factory's body: a new array wrapped, or for inline storage a new value filled through its span.
        string Create(string fill) => $"{{ var result = new {name}(); {fill}; return result; }}";
        string Factory(string array, string fill) => inline ? Create(fill) : $"=> new({array});";

        void Member(string? key, string summary, string code) => WriteMember(w, user, key, summary, code);

        var storage = inline ? ", stored inline: a value, copied on assignment (like <c>Matrix4x4</c>); <c>default</c> is a tensor of zeros" : string.Empty;
        w.Line($"/// <summary>A {type.Element.Name().ToLowerInvariant()} tensor of shape {shapeText}: {length} elements, row-major{storage}.</summary>");
        WriteAttributes(w, type, dimList);
        using (w.Block($"{accessibility}{Modifiers(type)} {name} : {Runtime}.IShapedTensor<{name}, {t}>, global::System.IEquatable<{name}>"))
        {
            // The shape.
            Member(null, $"The shape, {shapeText}.", $"public static {Runtime}.Shape Shape {{ get; }} = new {Runtime}.Shape({dimList});");
            Member(null, $"The number of dimensions, {Int(rank)}.", $"public const int Rank = {Int(rank)};");
            Member(null, $"The number of elements, {length}.", $"public const int Length = {length};");
            for (var i = 0; i < rank; i++)
            {
                Member(null, $"The size of dimension {Int(i)}, {Int(dims[i])}.", $"public const int Dim{Int(i)} = {Int(dims[i])};");
            }

            if (inline)
            {
                w.Line($"[global::System.Runtime.CompilerServices.InlineArray(Length)] private struct Elements {{ private {t} _element0; }}");
                w.Line("private Elements _elements;");
            }
            else
            {
                w.Line(type.IsStruct ? $"private readonly {t}[]? _elements; // null only in default({name})" : $"private readonly {t}[] _elements;");
                w.Line(type.IsStruct
                    ? $"private {t}[] Elements => _elements ?? throw {support}.Uninitialized(nameof({name}));"
                    : $"private {t}[] Elements => _elements;");
                w.Line($"private {name}({t}[] elements) => _elements = elements;");
            }

            // Creation.
            w.Line();
            var one = type.Element == ElementKind.Float32 ? "1f" : "1d";
            var sizes = $"{length} of them, row-major";
            var copyIn = $"{support}.CopyInto<{t}>(Shape, Length, elements, result.AsSpan(), nameof(elements))";
            Member(null, $"Creates a tensor of zeros of shape {shapeText}{(inline ? ", as <c>default</c> is" : string.Empty)}.", inline ? $"public {name}() {{ }}" : $"public {name}() => _elements = new {t}[Length];");
            Member("Zeros()", $"A tensor of zeros of shape {shapeText}.", $"public static {name} Zeros() => new {name}();");
            Member("Ones()", $"A tensor of ones of shape {shapeText}.", $"public static {name} Ones() {Factory($"{support}.Filled<{t}>(Length, {one})", $"result.AsSpan().Fill({one})")}");
            Member("Random(int)", $"A tensor of shape {shapeText} of uniform values in [0, 1); the same seed always gives the same values.", $"public static {name} Random(int seed) {Factory($"{support}.Uniform<{t}>(Length, seed)", $"{Runtime}.TensorRandom.FillUniform<{t}>(result.AsSpan(), seed)")}");
            Member($"FromArray({t}[])", $"A tensor holding a copy of <paramref name=\"elements\"/> ({sizes}); throws <c>ArgumentException</c> when there are not {length}.", $"public static {name} FromArray({t}[] elements) {Factory($"{support}.CopyOf<{t}>(Shape, Length, elements, nameof(elements))", copyIn)}");
            Member($"FromSpan(global::System.ReadOnlySpan<{t}>)", $"A tensor holding a copy of <paramref name=\"elements\"/> ({sizes}); throws <c>ArgumentException</c> when there are not {length}.", $"public static {name} FromSpan(global::System.ReadOnlySpan<{t}> elements) {Factory($"{support}.CopyOf<{t}>(Shape, Length, elements, nameof(elements))", copyIn)}");
            WriteFromFunction(Member, name, t, dims, inline);
            Member(
                null,
                inline
                    ? $"A tensor holding a copy of <paramref name=\"elements\"/> ({sizes}): this type stores its elements inline and shares no array; throws <c>ArgumentException</c> when there are not {length}."
                    : $"Wraps <paramref name=\"elements\"/> ({sizes}) without copying: the tensor and the array share storage; throws <c>ArgumentException</c> when there are not {length}.",
                $"public static {name} Wrap({t}[] elements) {Factory($"{support}.Checked<{t}>(Shape, Length, elements, nameof(elements))", copyIn)}");
            var storageOf = $"{support}.StorageOf(Shape, tensor, nameof({name}))";
            Member(
                $"FromDynamic({dynamic})",
                inline
                    ? $"The elements of <paramref name=\"tensor\"/> as a tensor of shape {shapeText}, {copied}; throws <c>ArgumentException</c> when it has another shape."
                    : $"The same elements as a tensor of shape {shapeText}, without copying; throws <c>ArgumentException</c> when <paramref name=\"tensor\"/> has another shape.",
                $"public static {name} FromDynamic({dynamic} tensor) {Factory(storageOf, $"global::System.MemoryExtensions.CopyTo({storageOf}, result.AsSpan())")}");
            Member($"FromTensorSpan({tensors}.ReadOnlyTensorSpan<{t}>)", $"A tensor holding a copy of <paramref name=\"source\"/>'s elements (any strides), which must have shape {shapeText}.", $"public static {name} FromTensorSpan(in {tensors}.ReadOnlyTensorSpan<{t}> source) {Factory($"{support}.CopyOf(Shape, source, nameof({name}))", $"{support}.CopyInto(Shape, source, result.AsSpan(), nameof({name}))")}");
            if (inline)
            {
                // Conversions between inline types copy value to value, through the interface (see GeneratedCodeSupport.CopyAs).
                w.Line($"static {name} {Runtime}.IShapedTensor<{name}, {t}>.CopyOf(global::System.ReadOnlySpan<{t}> elements) {Create(copyIn)}");
            }

            // Element access and views.
            w.Line();
            WriteIndexer(Member, w, t, dims, inline);
            if (inline)
            {
                var within = "inside this value (the span cannot outlive the variable it comes from)";
                Member(null, $"The elements, row-major, {within}; writes change this value.", $"{unscoped}public global::System.Span<{t}> AsSpan() => _elements;");
                Member(null, $"The elements, row-major, {within}.", $"{unscoped}public readonly global::System.ReadOnlySpan<{t}> AsReadOnlySpan() => _elements;");
                Member("ToArray()", "A copy of the elements, row-major.", $"public readonly {t}[] ToArray() => AsReadOnlySpan().ToArray();");
                Member(null, $"The elements as a dynamic tensor, {copied}.", $"public readonly {dynamic} ToDynamic() => new {dynamic}(Shape, AsReadOnlySpan().ToArray());");
                Member(null, $"The elements as another tensor type of the same shape, {copied}; throws <c>ArgumentException</c> when its shape differs.", $"public readonly TOther As<TOther>() where TOther : {Runtime}.IShapedTensor<TOther, {t}> => {support}.CopyAs<TOther, {t}>(Shape, AsReadOnlySpan());");
                Member("AsTensorSpan()", $"A writable <c>TensorSpan</c> of shape {shapeText} over the elements {within}.", $"{unscoped}public {tensors}.TensorSpan<{t}> AsTensorSpan() => {Runtime}.TensorInterop.AsTensorSpan(AsSpan(), Shape);");
                Member("AsReadOnlyTensorSpan()", $"A <c>ReadOnlyTensorSpan</c> of shape {shapeText} over the elements {within}.", $"{unscoped}public readonly {tensors}.ReadOnlyTensorSpan<{t}> AsReadOnlyTensorSpan() => {Runtime}.TensorInterop.AsReadOnlyTensorSpan(AsReadOnlySpan(), Shape);");
                Member("ToTensor()", $"A <c>Tensor</c> of shape {shapeText} holding the elements, {copied}.", $"public readonly {tensors}.Tensor<{t}> ToTensor() => {Runtime}.TensorInterop.ToTensor(AsReadOnlySpan().ToArray(), Shape);");
            }
            else
            {
                Member(null, "The elements, row-major; writes change the tensor.", $"public global::System.Span<{t}> AsSpan() => Elements;");
                Member(null, "The elements, row-major.", $"public global::System.ReadOnlySpan<{t}> AsReadOnlySpan() => Elements;");
                Member("ToArray()", "A copy of the elements, row-major.", $"public {t}[] ToArray() => ({t}[])Elements.Clone();");
                Member(null, "The same elements as a dynamic tensor, without copying.", $"public {dynamic} ToDynamic() => new {dynamic}(Shape, Elements);");
                Member(null, "The same elements as another tensor type of the same shape, without copying; throws <c>ArgumentException</c> when its shape differs.", $"public TOther As<TOther>() where TOther : {Runtime}.IShapedTensor<TOther, {t}> => {support}.As<TOther, {t}>(Shape, Elements);");
                Member("AsTensorSpan()", $"A writable <c>TensorSpan</c> of shape {shapeText} over this tensor's elements (shared, not copied).", $"public {tensors}.TensorSpan<{t}> AsTensorSpan() => {Runtime}.TensorInterop.AsTensorSpan(Elements, Shape);");
                Member("AsReadOnlyTensorSpan()", $"A <c>ReadOnlyTensorSpan</c> of shape {shapeText} over this tensor's elements (shared, not copied).", $"public {tensors}.ReadOnlyTensorSpan<{t}> AsReadOnlyTensorSpan() => {Runtime}.TensorInterop.AsReadOnlyTensorSpan(Elements, Shape);");
                Member("ToTensor()", $"A <c>Tensor</c> of shape {shapeText} over this tensor's elements (shared, not copied).", $"public {tensors}.Tensor<{t}> ToTensor() => {Runtime}.TensorInterop.ToTensor(Elements, Shape);");
            }

            // A rank-1 array is just FromArray/ToArray; C# arrays have at most 32 dimensions.
            if (rank >= 2 && rank <= 32)
            {
                var arrayType = $"{t}[{new string(',', rank - 1)}]";
                var fromArray = $"{support}.CopyOf<{t}>(Shape, array, nameof({name}))";
                Member($"FromMultidimensionalArray({arrayType})", $"A tensor holding a copy of <paramref name=\"array\"/>, which must have shape {shapeText}.", $"public static {name} FromMultidimensionalArray({arrayType} array) {Factory(fromArray, $"global::System.MemoryExtensions.CopyTo({fromArray}, result.AsSpan())")}");
                Member("ToMultidimensionalArray()", $"A copy of the elements as a <c>{arrayType}</c> of shape {shapeText}.", $"public {@readonly}{arrayType} ToMultidimensionalArray() => ({arrayType}){support}.Filled<{t}>(new {t}[{dimList}], AsReadOnlySpan());");
            }

            // Conversions, equality and text.
            w.Line();
            Member($"conversion({self}):{dynamic}", inline ? $"The elements as a dynamic tensor, {copied}." : "The same elements as a dynamic tensor, without copying.", $"public static implicit operator {dynamic}({name} value) => value.ToDynamic();");
            Member($"conversion({dynamic}):{self}", inline ? $"The elements as a tensor of shape {shapeText}, {copied}; throws when the shapes differ." : $"The same elements as a tensor of shape {shapeText}, without copying; throws when the shapes differ.", $"public static explicit operator {name}({dynamic} tensor) => FromDynamic(tensor);");
            foreach (var other in sameShapeTypes)
            {
                WriteSameShape(Member, name, t, other, inline);
            }

            WriteEquality(Member, type, @readonly, "global::System.MemoryExtensions.SequenceEqual(AsReadOnlySpan(), other.AsReadOnlySpan())");

            // Interface members that would clash with the static Shape.
            w.Line($"{Runtime}.Shape {Runtime}.IShapedTensor<{t}>.Shape => Shape;");
            w.Line($"static {Runtime}.Shape {Runtime}.IShapedTensor<{name}, {t}>.TensorShape => Shape;");
        }
    }

    /// <summary>The type's attributes: <c>[Tensor(<paramref name="dims"/>)]</c> where the model asks for it, and <c>[GeneratedCode]</c>.</summary>
    internal static void WriteAttributes(SourceWriter w, TensorTypeModel type, string dims)
    {
        if (type.AddTensorAttribute)
        {
            w.Line(type.Element == ElementKind.Float32 ? $"[{Runtime}.Tensor({dims})]" : $"[{Runtime}.Tensor<double>({dims})]");
        }

        w.Line(Names.GeneratedCodeAttribute);
    }

    /// <summary>The declaration's modifiers: <c>partial struct</c>, <c>readonly partial struct</c>, <c>partial class</c>.</summary>
    internal static string Modifiers(TensorTypeModel type)
        => type.Keyword.StartsWith("readonly ", System.StringComparison.Ordinal) ? "readonly partial " + type.Keyword.Substring("readonly ".Length) : "partial " + type.Keyword;

    /// <summary>One member: its summary and its one line of code, left out where the user wrote it (a key) or always written (null).</summary>
    internal static void WriteMember(SourceWriter w, UserMembers user, string? key, string summary, string code)
    {
        if (key is null || user.Writes(key))
        {
            w.Line($"/// <summary>{summary}</summary>");
            w.Line(code);
        }
    }

    /// <summary>
    /// Equality and text: <c>Equals</c>, <c>GetHashCode</c>, <c>==</c>, <c>!=</c> and <c>ToString</c>, two tensors being
    /// equal when <paramref name="equalValues"/> (an expression of <c>this</c> and <c>other</c>) holds.
    /// </summary>
    internal static void WriteEquality(System.Action<string?, string, string> member, TensorTypeModel type, string @readonly, string equalValues)
    {
        var t = type.Element.Keyword();
        var name = Names.Identifier(type.Name);
        var self = type.FullName;
        var nullable = type.IsStruct ? string.Empty : "?";
        member($"Equals({self})", "Whether both tensors hold the same values (<c>numpy.array_equal</c> with <c>equal_nan=True</c>: NaN equals NaN, 0 equals -0).", $"public {@readonly}bool Equals({name}{nullable} other) => {(type.IsStruct ? string.Empty : "other is not null && ")}{equalValues};");
        member("Equals(object)", "Whether <paramref name=\"obj\"/> is a tensor of this type holding the same values.", $"public {@readonly}override bool Equals(object? obj) => obj is {name} other && Equals(other);");
        member("GetHashCode()", "A hash of the values, the same for values that are equal (all NaNs alike, 0 and -0 alike).", $"public {@readonly}override int GetHashCode() => {Runtime}.GeneratedCodeSupport.HashOf<{t}>(AsReadOnlySpan());");
        member($"op_Equality({self}, {self})", "Whether both tensors hold the same values.", type.IsStruct
            ? $"public static bool operator ==({name} left, {name} right) => left.Equals(right);"
            : $"public static bool operator ==({name}? left, {name}? right) => left is null ? right is null : left.Equals(right);");
        member($"op_Inequality({self}, {self})", "Whether the tensors hold different values.", $"public static bool operator !=({name}{nullable} left, {name}{nullable} right) => !(left == right);");
        member("ToString()", "The values as numpy prints them.", $"public {@readonly}override string ToString() => {Runtime}.TensorFormatter.Format<{t}>(Shape, AsReadOnlySpan());");
    }

    // A canonical type converts to and from each type of its shape, without copying, and compares with it: C# would
    // find both types' == applicable through the conversions (CS9342), so the mixed pairs are declared here.
    // With inline storage on either side, the conversion copies (into the value, or a new array for an array-backed type).
    private static void WriteSameShape(System.Action<string?, string, string> member, string name, string t, SameShapeType other, bool inline)
    {
        var o = other.FullName;
        if (inline)
        {
            member(null, $"The elements as <see cref=\"{o}\"/>, a copy: this type stores its elements inline.", $"public static implicit operator {o}({name} value) => {Runtime}.GeneratedCodeSupport.CopyAs<{o}, {t}>(Shape, value.AsReadOnlySpan());");
            member(null, $"The elements as <see cref=\"{name}\"/>, a copy: this type stores its elements inline.", $"public static implicit operator {name}({o} value) => value.As<{name}>();");
        }
        else
        {
            member(null, $"The same elements as <see cref=\"{o}\"/>, without copying.", $"public static implicit operator {o}({name} value) => {o}.Wrap(value.Elements);");
            member(null, $"The same elements as <see cref=\"{name}\"/>, without copying.", $"public static implicit operator {name}({o} value) => value.As<{name}>();");
        }

        WriteSameShapeComparisons(member, name, other);
    }

    /// <summary>The comparisons of a canonical type with a type of its shape, in both orders (see <c>WriteSameShape</c>).</summary>
    internal static void WriteSameShapeComparisons(System.Action<string?, string, string> member, string name, SameShapeType other)
    {
        var o = other.FullName;
        var nullable = other.IsClass ? "?" : string.Empty;
        member(null, "Whether both tensors hold the same values.", other.IsClass
            ? $"public static bool operator ==({name} left, {o}? right) => right is not null && left.Equals(right);"
            : $"public static bool operator ==({name} left, {o} right) => left.Equals(right);");
        member(null, "Whether both tensors hold the same values.", $"public static bool operator ==({o}{nullable} left, {name} right) => right == left;");
        member(null, "Whether the tensors hold different values.", $"public static bool operator !=({name} left, {o}{nullable} right) => !(left == right);");
        member(null, "Whether the tensors hold different values.", $"public static bool operator !=({o}{nullable} left, {name} right) => !(right == left);");
    }

    private static void WriteFromFunction(System.Action<string?, string, string> member, string name, string t, EquatableArray<int> dims, bool inline)
    {
        // An array-backed type wraps the new array; a type with inline storage copies it into a new value.
        string From(string elements) => inline
            ? $"{{ var result = new {name}(); global::System.MemoryExtensions.CopyTo({elements}, result.AsSpan()); return result; }}"
            : $"=> new({elements});";

        var rank = dims.Count;
        var indices = Enumerable.Range(0, rank).Select(i => "i" + Int(i)).ToList();
        var support = $"{Runtime}.GeneratedCodeSupport";
        if (rank > 16)
        {
            // Func has at most 16 parameters: the index as a span.
            var spanFunction = $"global::System.Func<global::System.ReadOnlySpan<int>, {t}>";
            member($"FromFunction({spanFunction})", "A tensor whose element at each index is <paramref name=\"valueAt\"/>(index), called once per element in row-major order.", $"public static {name} FromFunction({spanFunction} valueAt) {From($"{support}.FromFunction(Shape, valueAt)")}");
            return;
        }

        var function = $"global::System.Func<{string.Concat(Enumerable.Repeat("int, ", rank))}{t}>";
        var arguments = string.Join(", ", Enumerable.Range(0, rank).Select(i => $"index[{Int(i)}]"));
        member(
            $"FromFunction({function})",
            $"A tensor whose element at each index is <paramref name=\"valueAt\"/>({string.Join(", ", indices)}), called once per element in row-major order.",
            inline
                ? $"public static {name} FromFunction({function} valueAt) {{ global::System.ArgumentNullException.ThrowIfNull(valueAt); var result = new {name}(); global::System.MemoryExtensions.CopyTo({support}.FromFunction<{t}>(Shape, index => valueAt({arguments})), result.AsSpan()); return result; }}"
                : $"public static {name} FromFunction({function} valueAt) => valueAt is null ? throw new global::System.ArgumentNullException(nameof(valueAt)) : new({support}.FromFunction<{t}>(Shape, index => valueAt({arguments})));");
    }

    private static void WriteIndexer(System.Action<string?, string, string> member, SourceWriter w, string t, EquatableArray<int> dims, bool inline)
    {
        // Inline storage indexes the value's own elements (bounds-checked by Offset, as the array is), reading without a copy.
        var elements = inline ? "_elements" : "Elements";
        var @readonly = inline ? "readonly " : string.Empty;
        if (dims.Count == 0)
        {
            // Only canonical result types are scalars, and the user writes nothing in those.
            member(null, "The single element of this scalar tensor.", $"public {t} Value {{ {@readonly}get => {elements}[0]; set => {elements}[0] = value; }}");
            return;
        }

        var parameters = string.Join(", ", Enumerable.Range(0, dims.Count).Select(i => "int i" + Int(i)));
        var indices = string.Join(", ", Enumerable.Range(0, dims.Count).Select(i => "i" + Int(i)));
        member(
            "this[" + string.Join(", ", Enumerable.Repeat("int", dims.Count)) + "]",
            $"The element at ({indices}); throws <c>ArgumentOutOfRangeException</c> when an index is outside its dimension.",
            $"public {t} this[{parameters}] {{ {@readonly}get => {elements}[Offset({indices})]; set => {elements}[Offset({indices})] = value; }}");

        // Row-major, each index checked: ((i0 * d1 + i1) * d2 + i2) * d3 + i3.
        var offset = Checked(0);
        for (var i = 1; i < dims.Count; i++)
        {
            offset = (i == 1 ? offset : "(" + offset + ")") + $" * {Int(dims[i])} + {Checked(i)}";
        }

        w.Line($"private static int Offset({parameters}) => {offset};");

        string Checked(int axis) => $"{Runtime}.GeneratedCodeSupport.Index(i{Int(axis)}, {Int(dims[axis])}, {Int(axis)})";
    }

    /// <summary>The Python tuple form: <c>(10, 12, 4, 8)</c>, <c>(3,)</c>, <c>()</c>.</summary>
    public static string ShapeText(EquatableArray<int> dims)
        => dims.Count == 1 ? "(" + Int(dims[0]) + ",)" : "(" + string.Join(", ", dims.Select(Int)) + ")";

    internal static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

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

    /// <summary>Whether to write a property <paramref name="name"/>: not when the user wrote any member of that name.</summary>
    public bool WritesProperty(string name)
        => !_keys.Any(key => Parsing.MemberKeys.NameOf(key) == name);
}
