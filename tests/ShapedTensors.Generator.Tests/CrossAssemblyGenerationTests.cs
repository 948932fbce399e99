using System;
using ShapedTensors.Generator.Tests.Support;
using Xunit;

namespace ShapedTensors.Generator.Tests;

/// <summary>
/// Shaped types across assemblies: results convert to and from, and compare with, the same-shape types a compilation
/// can name in referenced assemblies; a friend assembly (InternalsVisibleTo) calling what its friend calls compiles;
/// public result types are an opt-in.
/// </summary>
public sealed class CrossAssemblyGenerationTests
{
    private const string Library = """
        using ShapedTensors;
        [assembly: System.Runtime.CompilerServices.InternalsVisibleTo("App")]

        namespace Shared;

        [Tensor(3, 4)] public partial struct A;
        [Tensor(4, 5)] public partial struct B;
        [Tensor(3, 5)] public partial struct Product;
        [Tensor(3, 5)] internal partial class InternalProduct;

        public static class Library
        {
            public static Product Run(A a, B b) => a.Dot(b);
            public static void Into(A a, B b, Product destination) => a.Dot(b, destination);
        }
        """;

    [Fact]
    public void A_friend_assembly_calls_what_its_friend_calls_in_the_same_namespace()
    {
        var library = GeneratorHarness.CompileLibrary("Library", Library);

        var run = GeneratorHarness.Run(HarnessOptions.Default.WithReference(library.Reference) with { AssemblyName = "App" }, """
            using ShapedTensors;

            namespace Shared;

            public static class Friend
            {
                public static float Run()
                {
                    var result = new A().Dot(new B());        // both assemblies have an overload for this, in this namespace
                    InternalProduct viaInternals = result;    // the friend's internal type of the shape converts too
                    new A().Dot(new B(), viaInternals);
                    return result[0, 0] + viaInternals[0, 0];
                }
            }
            """);

        CompileAssert.AssertCompilesCleanly(run);
        Assert.Contains("[global::Microsoft.CodeAnalysis.Embedded]", run.Source("Shared.GeneratedTensorOperations.g.cs"), StringComparison.Ordinal);
        Assert.Contains("[global::Microsoft.CodeAnalysis.Embedded]", library.Run.Source("Shared.GeneratedTensorOperations.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Results_convert_to_compare_with_and_write_into_same_shape_types_of_another_assembly()
    {
        var library = GeneratorHarness.CompileLibrary("Library", Library.Replace("[assembly:", "// [assembly:", StringComparison.Ordinal));

        var run = GeneratorHarness.Run(HarnessOptions.Default.WithReference(library.Reference) with { AssemblyName = "App" }, """
            using Shared;
            using ShapedTensors;

            namespace App;

            [Tensor(3, 5)] public partial class Local;

            public static class Program
            {
                public static bool Run()
                {
                    var a = A.Random(seed: 1);
                    var b = B.Random(seed: 2);
                    Product p = a.Dot(b);                     // canonical -> the library's type
                    var q = new Product();
                    a.Dot(b, q);                              // the library's type as a destination
                    Local local = a.Dot(b);                   // and this assembly's
                    a.Dot(b, local);
                    return p == a.Dot(b) && a.Dot(b) == q && local == a.Dot(b) && !(p != Library.Run(a, b));
                }
            }
            """);

        CompileAssert.AssertCompilesCleanly(run);
        var canonical = run.Source("ShapedTensors.Generated.App.Float32_3x5.g.cs");
        Assert.Contains("public static implicit operator global::Shared.Product(Float32_3x5 value)", canonical, StringComparison.Ordinal);
        Assert.Contains("public static bool operator ==(Float32_3x5 left, global::App.Local? right)", canonical, StringComparison.Ordinal);
        Assert.DoesNotContain("InternalProduct", canonical, StringComparison.Ordinal);   // not visible without InternalsVisibleTo
        Assert.Equal(true, RunProgram.Invoke(run, [library], "App.Program", "Run"));
    }

    [Fact]
    public void A_private_type_of_the_result_shape_gets_no_conversion()
    {
        var run = GeneratorHarness.Run("""
            using ShapedTensors;
            namespace App;
            [Tensor(3, 4)] public partial struct A;
            [Tensor(4, 5)] public partial struct B;
            public static partial class Outer { [Tensor(3, 5)] private partial struct Hidden; }
            public static class Calls { public static object Run() => new A().Dot(new B()); }
            """);

        CompileAssert.AssertCompilesCleanly(run);
        Assert.DoesNotContain("Hidden", run.Source("ShapedTensors.Generated.TestAssembly.Float32_3x5.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Result_types_are_public_when_the_project_asks()
    {
        const string source = """
            using ShapedTensors;
            using ShapedTensors.Generated.TestAssembly;
            namespace App;
            [Tensor(3, 4)] public partial struct A;
            [Tensor(4, 5)] public partial struct B;
            public static class Api
            {
                /// <summary>A public API returning the canonical result type.</summary>
                public static Float32_3x5 Product(A a, B b) => a.Dot(b);
            }
            """;

        var run = GeneratorHarness.Run(HarnessOptions.Default.WithBuildProperty("ShapedTensorsPublicResultTypes", "true"), source);

        CompileAssert.AssertCompilesCleanly(run);
        Assert.Contains("public readonly partial struct Float32_3x5", run.Source("ShapedTensors.Generated.TestAssembly.Float32_3x5.g.cs"), StringComparison.Ordinal);
        Assert.Contains("internal static partial class GeneratedTensorOperations", run.Source("App.GeneratedTensorOperations.g.cs"), StringComparison.Ordinal);

        // By default they are internal, and the public API does not compile (CS0050).
        var internalRun = GeneratorHarness.Run(source);
        Assert.Contains(internalRun.OutputCompilation.GetDiagnostics(), d => d.Id == "CS0050");
    }
}
