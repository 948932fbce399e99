using System.Linq;
using Microsoft.CodeAnalysis;
using ShapedTensors.Generator.Tests.Support;
using Xunit;

namespace ShapedTensors.Generator.Tests;

/// <summary>
/// Compile-and-run, with <c>ShapedTensorsInlineStorage</c> set: which types store their elements inline, their value
/// semantics, every factory and conversion, operations against the dynamic tensor (the array-backed path), the
/// destination by ref, and no allocation by the allocating form.
/// </summary>
public sealed class InlineStorageTests
{
    private const string Types = """
        using System;
        using System.Text;
        using ShapedTensors;
        using ShapedTensors.Generated.InlineCases;

        namespace InlineCases;

        [Tensor(4, 4)] public partial struct A;
        [Tensor(4, 4)] public partial struct B;
        [Tensor(4, 4)] public readonly partial struct ReadOnly4;
        [Tensor(4, 4)] public partial class Class4;
        [Tensor(2, 3, 3)] public partial struct Big;
        [Tensor(2, 2, 3)] public partial struct P;
        [Tensor(2, 3, 2)] public partial struct Q;
        [Tensor<double>(3, 2)] public partial struct D;
        [Tensor<double>(2, 3)] public partial struct E;
        [Tensor(0, 4)] public partial struct Empty;
        [Tensor(3, 1)] public partial struct Column;
        [Tensor(3)] public partial struct Vector3;
        [Tensor(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2)] public partial struct Rank17;
        """;

    [Fact]
    public void Only_structs_of_at_most_the_limit_store_elements_inline()
    {
        var run = Run("""
            public static class Calls
            {
                public static void Use()
                {
                    _ = A.Ones().MatMul(B.Ones());
                    _ = Big.Ones().BatchDot(Big.Ones(), (2, 2));
                }
            }
            """);
        CompileAssert.AssertCompilesCleanly(run);

        Assert.True(IsInline(run, "InlineCases.A"));
        Assert.True(IsInline(run, "ShapedTensors.Generated.InlineCases.Float32_4x4"));
        Assert.False(IsInline(run, "InlineCases.ReadOnly4")); // a readonly value cannot hand out a writable span of itself
        Assert.False(IsInline(run, "InlineCases.Class4"));
        Assert.False(IsInline(run, "InlineCases.Big")); // 18 elements, more than the limit
        Assert.False(IsInline(run, "ShapedTensors.Generated.InlineCases.Float32_2x3x3"));
        Assert.False(IsInline(run, "InlineCases.Empty")); // no element to hold
        Assert.DoesNotContain("readonly partial struct Float32_4x4", Source(run, "ShapedTensors.Generated.InlineCases.Float32_4x4"), System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")] // unset
    [InlineData("0")]
    [InlineData("257")] // above the cap: the generator uses the default, 0, and the analyzer warns (ST0201)
    [InlineData("-1")]
    [InlineData("sixteen")]
    public void No_inline_storage_without_a_valid_positive_limit(string limit)
    {
        var run = Run("""
            public static class Calls
            {
                public static void Use() => _ = A.Ones().MatMul(B.Ones());
            }
            """, limit);
        CompileAssert.AssertCompilesCleanly(run);

        Assert.False(IsInline(run, "InlineCases.A"));
        Assert.False(IsInline(run, "ShapedTensors.Generated.InlineCases.Float32_4x4"));
    }

    [Fact]
    public void Values_factories_conversions_and_operations_behave()
    {
        var run = Run(Program);
        CompileAssert.AssertCompilesCleanly(run);

        var failures = (string?)RunProgram.Invoke(run, "InlineCases.Runner", "Run");

        Assert.True(string.IsNullOrEmpty(failures), failures);
    }

    [Fact]
    public void The_allocating_form_allocates_nothing()
    {
        var run = Run("""
            public static class Runner
            {
                public static long Allocated()
                {
                    var a = A.Random(seed: 1);
                    var b = B.Random(seed: 2);
                    var sum = 0f;
                    for (var i = 0; i < 1000; i++) // warm: tiered compilation, static constructors
                    {
                        sum += a.MatMul(b)[0, 0] + a.Dot(b)[1, 1] + P.Ones().BatchDot(Q.Ones())[0, 0, 0];
                    }

                    var before = GC.GetAllocatedBytesForCurrentThread();
                    for (var i = 0; i < 1000; i++)
                    {
                        var c = a.MatMul(b);
                        var d = a.Dot(b);
                        var e = P.Ones().BatchDot(Q.Ones());
                        sum += c[0, 0] + d[1, 1] + e[0, 0, 0];
                    }

                    var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                    return sum > 0 ? allocated : -1;
                }
            }
            """);
        CompileAssert.AssertCompilesCleanly(run);

        Assert.Equal(0L, (long)RunProgram.Invoke(run, "InlineCases.Runner", "Allocated")!);
    }

    [Fact]
    public void A_destination_with_inline_storage_passed_by_value_is_a_compile_error()
    {
        // Without ref the result would go into a copy: the overload for that is [Obsolete(error: true)], so the call
        // does not bind to the run-time fallback either (which would write into a boxed copy).
        var run = Run("""
            internal static class Calls
            {
                internal static Float32_4x4 Use()
                {
                    var destination = new Float32_4x4();
                    A.Ones().MatMul(B.Ones(), destination);
                    return destination;
                }
            }
            """);

        var error = Assert.Single(run.OutputCompilation.GetDiagnostics(), diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
        Assert.Equal("CS0619", error.Id);
        Assert.Contains("Float32_4x4 stores its elements inline: pass the destination with ref (x.MatMul(y, ref destination))", error.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    private const string Program = """
        public static class Runner
        {
            private static readonly StringBuilder Failures = new();

            public static string Run()
            {
                Values();
                Factories();
                Conversions();
                Operations();
                return Failures.ToString();
            }

            private static void Values()
            {
                // default is a valid tensor of zeros, as new A() is.
                var zero = default(A);
                Check("default is zeros", zero == A.Zeros() && zero.AsReadOnlySpan().IndexOfAnyExcept(0f) < 0 && zero.ToString() == A.Zeros().ToString());
                Check("new is zeros", new A() == default(A) && new Float32_4x4() == default(Float32_4x4));

                // Assignment copies the values.
                var a = A.Random(seed: 1);
                var copy = a;
                copy[0, 0] = 42;
                Check("assignment copies", a[0, 0] != 42 && copy[0, 0] == 42);
                var span = copy.AsSpan();
                span[1] = 7;
                Check("AsSpan writes the value", copy[0, 1] == 7 && a[0, 1] != 7);
                var filled = a;
                filled.AsTensorSpan().Fill(9f);
                Check("AsTensorSpan is a view", filled.AsReadOnlySpan().IndexOfAnyExcept(9f) < 0 && a[3, 3] != 9 && A.FromTensorSpan(a.AsReadOnlyTensorSpan()) == a);

                // Equality, hashing and text agree with the array-backed type of the same values.
                var b = A.FromSpan(a.AsReadOnlySpan());
                Check("equality", a == b && a.Equals(b) && a.Equals((object)b) && !(a != b) && a.GetHashCode() == b.GetHashCode() && a != copy);
                var readOnly = ReadOnly4.FromSpan(a.AsReadOnlySpan());
                Check("text", a.ToString() == readOnly.ToString());
                var bounds = a;
                Check("indexer bounds", Throws<ArgumentOutOfRangeException>(() => _ = bounds[4, 0]) && Throws<ArgumentOutOfRangeException>(() => bounds[0, -1] = 1));

                // Generic code sees the value through the interfaces.
                Check("IShapedTensor<T>", Sum(a) == Sum(readOnly) && Shape(a) == A.Shape);
                Check("generic copy", Copy<A>(readOnly.AsReadOnlySpan()) == a);
            }

            private static void Factories()
            {
                var reference = ReadOnly4.Random(seed: 5); // array-backed
                var data = reference.ToArray();
                Check("Random", Same(A.Random(seed: 5), reference));
                Check("Ones", A.Ones().AsReadOnlySpan().IndexOfAnyExcept(1f) < 0);
                Check("FromArray", Same(A.FromArray(data), reference));
                Check("FromSpan", Same(A.FromSpan(data), reference));
                Check("FromFunction", Same(A.FromFunction((i, j) => data[i * 4 + j]), reference));
                Check("FromMultidimensionalArray", Same(A.FromMultidimensionalArray(reference.ToMultidimensionalArray()), reference));
                Check("ToMultidimensionalArray", A.FromArray(data).ToMultidimensionalArray()[2, 3] == reference[2, 3]);
                Check("FromTensorSpan", Same(A.FromTensorSpan(reference.AsReadOnlyTensorSpan()), reference));
                Check("length checked", Throws<ArgumentException>(() => A.FromArray(new float[15])) && Throws<ArgumentException>(() => A.FromSpan(new float[17])) && Throws<ArgumentNullException>(() => A.FromArray(null!)));
                Check("shape checked", Throws<ArgumentException>(() => A.FromDynamic(DynamicTensor<float>.Zeros(2, 8))) && Throws<ArgumentException>(() => A.FromMultidimensionalArray(new float[2, 8])));

                // Wrap copies: the array and the tensor are independent afterwards.
                var wrapped = A.Wrap(data);
                data[0] = -1;
                Check("Wrap copies", wrapped[0, 0] == reference[0, 0]);
                var array = wrapped.ToArray();
                array[1] = -1;
                Check("ToArray copies", wrapped[0, 1] == reference[0, 1]);
            }

            private static void Conversions()
            {
                var a = A.Random(seed: 3);
                var dynamic = a.ToDynamic();
                dynamic.AsSpan()[0] = -1;
                Check("ToDynamic copies", a[0, 0] != -1 && dynamic.Shape == A.Shape && dynamic[0, 1] == a[0, 1]);
                DynamicTensor<float> implicitDynamic = a;
                Check("conversion to DynamicTensor", implicitDynamic[3, 2] == a[3, 2]);
                var back = A.FromDynamic(dynamic);
                dynamic.AsSpan()[1] = -1;
                Check("FromDynamic copies", back[0, 0] == -1 && back[0, 1] == a[0, 1] && ((A)dynamic)[0, 1] == -1);
                var tensor = a.ToTensor();
                a[2, 1] = -1;
                Check("ToTensor copies", A.FromTensorSpan(tensor.AsReadOnlyTensorSpan()) != a && A.FromTensorSpan(tensor.AsReadOnlyTensorSpan())[2, 2] == a[2, 2]);

                // As: into inline storage, an array, a class; each a copy.
                var b = a.As<B>();
                b[0, 0] = -2;
                var readOnly = a.As<ReadOnly4>();
                readOnly.AsSpan()[0] = -3;
                var @class = a.As<Class4>();
                @class.AsSpan()[0] = -5;
                Check("As copies", a[0, 0] is not (-2 or -3 or -5) && b[0, 1] == a[0, 1] && readOnly[0, 1] == a[0, 1] && @class[0, 1] == a[0, 1]);
                Check("As from an array-backed type copies", readOnly.As<A>()[0, 0] == -3 && @class.As<A>()[0, 0] == -5);
                var unchanged = a;
                Check("As checks the shape", Throws<ArgumentException>(() => unchanged.As<P>()));

                // Canonical results convert to the declared types of their shape, copying.
                Float32_4x4 canonical = a;
                A fromCanonical = canonical;
                canonical[0, 0] = -4;
                Check("canonical conversions copy", fromCanonical == a && a[0, 0] != -4 && canonical == canonical.As<A>());
                ReadOnly4 arrayBacked = canonical;
                Class4 classBacked = canonical;
                Check("to array-backed types", arrayBacked[0, 0] == -4 && classBacked[0, 0] == -4 && arrayBacked == canonical && canonical == classBacked);
            }

            private static void Operations()
            {
                var a = A.Random(seed: 11);
                var b = B.Random(seed: 12);
                var p = P.Random(seed: 13);
                var q = Q.Random(seed: 14);
                var x = a.ToDynamic();
                var y = b.ToDynamic();

                // The allocating form, against the dynamic tensor (array-backed), for each operation and option.
                Compare("Dot", x.Dot(y), a.Dot(b));
                Compare("MatMul", x.MatMul(y), a.MatMul(b));
                Compare("MatMul transposeA", x.MatMul(y, transposeA: true), a.MatMul(b, transposeA: true));
                Compare("MatMul transposeB", x.MatMul(y, transposeB: true), a.MatMul(b, transposeB: true));
                Compare("MatMul both", x.MatMul(y, transposeA: true, transposeB: true), a.MatMul(b, transposeA: true, transposeB: true));
                Compare("BatchDot", p.ToDynamic().BatchDot(q.ToDynamic()), p.BatchDot(q));
                Compare("BatchDot axes", p.ToDynamic().BatchDot(p.ToDynamic(), (2, 2)), p.BatchDot(p, (2, 2)));
                var d = D.Random(seed: 15);
                var e = E.Random(seed: 16);
                Compare("Dot float64", d.ToDynamic().Dot(e.ToDynamic()), d.Dot(e));
                Compare("chain", x.MatMul(y).MatMul(x).Dot(y), a.MatMul(b).MatMul(a).Dot(b));

                // Options that are not constants run through the runtime, into the caller's value.
                var flip = Flag();
                Compare("MatMul run-time options", x.MatMul(y, transposeA: flip), a.MatMul(b, transposeA: flip));
                var runTime = new Float32_4x4();
                a.MatMul(b, ref runTime, transposeA: flip, transposeB: flip);
                Compare("MatMul run-time options, by ref", x.MatMul(y, transposeA: true, transposeB: true), runTime);

                // Where not every option has a kernel, the others go through the runtime (GeneratedCodeSupport.Contract).
                Compare("MatMul (B, A)", y.MatMul(x), b.MatMul(a));
                Compare("MatMul (B, A) run-time options", y.MatMul(x, transposeB: flip), b.MatMul(a, transposeB: flip));
                var reversed = new Float32_4x4();
                b.MatMul(a, ref reversed, transposeA: flip);
                Compare("MatMul (B, A) run-time options, by ref", y.MatMul(x, transposeA: true), reversed);
                var axis = flip ? 2 : 1;
                Compare("BatchDot run-time axes that have a kernel", p.ToDynamic().BatchDot(p.ToDynamic(), axis), p.BatchDot(p, axis));
                Compare("BatchDot constant axes", p.ToDynamic().BatchDot(p.ToDynamic(), 2), p.BatchDot(p, 2));

                // The destination form, by ref: the caller's value receives the result.
                var destination = new Float32_4x4();
                destination.AsSpan().Fill(float.NaN);
                a.MatMul(b, ref destination);
                Compare("MatMul by ref", x.MatMul(y), destination);
                a.MatMul(b, ref destination, transposeB: true);
                Compare("MatMul by ref transposeB", x.MatMul(y, transposeB: true), destination);
                var batch = new Float32_2x2x2();
                p.BatchDot(q, ref batch);
                Compare("BatchDot by ref", p.ToDynamic().BatchDot(q.ToDynamic()), batch);
                var doubles = new Float64_3x3();
                d.Dot(e, ref doubles);
                Compare("Dot float64 by ref", d.ToDynamic().Dot(e.ToDynamic()), doubles);

                // Operands are passed by reference (in), so a destination must not be one of them, as with arrays.
                var square = a.MatMul(b);
                Check("destination that is an operand", Throws<ArgumentException>(() => { var s = square; s.MatMul(b.As<Float32_4x4>(), ref s); }));
                Check("square = square.MatMul(...) is fine", (square = square.MatMul(square)) == a.MatMul(b).MatMul(a.MatMul(b)));

                // The run-time fallbacks (calls whose shapes the generator could not know) get an inline destination
                // boxed: they refuse it rather than fill the box. An array-backed destination still works there.
                var operandA = a;
                var operandB = b;
                Check("fallback refuses an inline destination", Throws<ArgumentException>(() => ShapedTensorFallbacks.MatMul<float>(operandA, operandB, new Float32_4x4())));
                var arrayBacked = new ReadOnly4();
                ShapedTensorFallbacks.MatMul<float>(a, b, arrayBacked);
                Compare("fallback into an array-backed destination", x.MatMul(y), arrayBacked);

                // A scalar result (rank 0, one element) is a value too.
                var scalar = Column.Ones().BatchDot(Vector3.Ones(), 0);
                Check("scalar result", scalar.Value == 3 && scalar.AsReadOnlySpan().Length == 1);

                // Past 16 dimensions FromFunction takes the index as a span.
                var rank17 = Rank17.FromFunction(index => index[16] + 1);
                Check("rank 17", rank17.AsReadOnlySpan()[0] == 1 && rank17.AsReadOnlySpan()[1] == 2);

                // A result of more elements than the limit keeps its array.
                var big = Big.Random(seed: 17);
                Compare("array-backed result", big.ToDynamic().BatchDot(big.ToDynamic(), (2, 2)), big.BatchDot(big, (2, 2)));
            }

            private static bool Flag() => Environment.ProcessorCount > 0;

            private static float Sum<T>(T tensor) where T : IShapedTensor<float>
            {
                var sum = 0f;
                foreach (var value in tensor.AsReadOnlySpan()) sum += value;
                return sum;
            }

            private static ShapedTensors.Shape Shape<T>(T tensor) where T : IShapedTensor<float> => tensor.Shape;

            private static T Copy<T>(ReadOnlySpan<float> elements) where T : IShapedTensor<T, float> => T.CopyOf(elements);

            private static bool Same<TX, TY>(TX x, TY y) where TX : IShapedTensor<float> where TY : IShapedTensor<float>
                => x.AsReadOnlySpan().SequenceEqual(y.AsReadOnlySpan());

            private static void Compare<T>(string label, DynamicTensor<float> expected, T actual) where T : IShapedTensor<float>
                => Check(label, expected.Shape == actual.Shape && Close(expected.AsReadOnlySpan(), actual.AsReadOnlySpan()));

            private static void Compare<T>(string label, DynamicTensor<double> expected, T actual) where T : IShapedTensor<double>
                => Check(label, expected.Shape == actual.Shape && Close(expected.AsReadOnlySpan(), actual.AsReadOnlySpan()));

            private static bool Close<T>(ReadOnlySpan<T> expected, ReadOnlySpan<T> actual) where T : System.Numerics.IFloatingPointIeee754<T>
            {
                var tolerance = T.CreateChecked(1e-5);
                for (var i = 0; i < expected.Length; i++)
                {
                    if (!(T.Abs(expected[i] - actual[i]) <= tolerance * T.Max(T.One, T.Abs(expected[i]))))
                    {
                        return false;
                    }
                }

                return expected.Length == actual.Length;
            }

            private static bool Throws<TException>(Action action) where TException : Exception
            {
                try
                {
                    action();
                    return false;
                }
                catch (TException)
                {
                    return true;
                }
            }

            private static void Check(string label, bool passed)
            {
                if (!passed)
                {
                    Failures.AppendLine(label);
                }
            }
        }
        """;

    private static GeneratorRun Run(string calls, string limit = "16")
    {
        var options = HarnessOptions.Default with { AssemblyName = "InlineCases" };
        if (limit.Length > 0)
        {
            options = options.WithBuildProperty("ShapedTensorsInlineStorage", limit);
        }

        return GeneratorHarness.Run(options, Types + "\n" + calls);
    }

    // A type stores its elements inline when its generated part declares the InlineArray buffer.
    private static bool IsInline(GeneratorRun run, string type)
        => Source(run, type).Contains("[global::System.Runtime.CompilerServices.InlineArray(Length)]", System.StringComparison.Ordinal);

    private static string Source(GeneratorRun run, string type)
        => run.GeneratedSources.Single(pair => pair.Key.EndsWith(type + ".g.cs", System.StringComparison.Ordinal)).Value;
}
