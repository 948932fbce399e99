using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using ShapedTensors.Tests.Shared;
using Xunit;

namespace ShapedTensors.PackageTests;

/// <summary>
/// Projects that only have <c>&lt;PackageReference Include="ShapedTensors" /&gt;</c>, as after <c>dotnet add package</c>:
/// they build and run, a shape mismatch is a compile error with TensorFlow's text, the MSBuild settings reach the
/// generator and the analyzers, and a project that gets the package through a library gets the generator too. The only
/// warnings are ST0008s, where tf.keras' batch_dot would give another result.
/// </summary>
[Collection(PackageTestsDefinition.Name)]
public sealed class ConsumerTests(PackageFixture fixture)
{
    private const string Declarations = """
        [Tensor(10, 12, 4, 5)] public partial struct W;
        [Tensor(10, 12, 5, 8)] public partial struct K;
        [Tensor(10, 12, 3, 8)] public partial struct K3;
        [Tensor(3, 4)] public partial struct A34;
        [Tensor(4, 5)] public partial struct A45;
        [Tensor(5, 6)] public partial struct A56;
        [Tensor(2, 2)] public partial struct M2;
        """;

    // The builds treat warnings as errors (-warnaserror) except ST0008, which these programs' BatchDots get on purpose.
    private const string DivergencesStayWarnings = "<MSBuildWarningsNotAsErrors>ST0008</MSBuildWarningsNotAsErrors>";

    private const string Program = $$"""
        using ShapedTensors;

        var w = W.Random(seed: 1);
        var k = K.Ones();
        var z = w.BatchDot(k);
        Show("BatchDot", z);
        Show("MatMul", w.MatMul(k));
        var y = z.MatMul(K3.Ones(), transposeB: true);             // a chain through a var local
        Show("Chain", y);
        Show("Dot", A34.Ones().Dot(A45.Ones()));
        Show("Nested", A34.Ones().Dot(A45.Ones()).MatMul(A56.Ones()));
        Console.WriteLine(W.Ones().BatchDot(K.Ones()).AsReadOnlySpan().ToArray().Sum());
        Console.WriteLine(M2.FromArray([1, 2, 3, 4]).Dot(M2.FromArray([5, 6, 7, 8])));

        static void Show<T>(string label, T result) where T : IShapedTensor<float>
            => Console.WriteLine($"{label} {result.Shape} {typeof(T).Name}");

        {{Declarations}}
        """;

    // Every result type is a generated one: the calls were specialized, not left on the run-time fallback.
    private static readonly string[] ExpectedOutput =
    [
        "BatchDot (10, 12, 4, 8) Float32_10x12x4x8",
        "MatMul (10, 12, 4, 8) Float32_10x12x4x8",
        "Chain (10, 12, 4, 3) Float32_10x12x4x3",
        "Dot (3, 5) Float32_3x5",
        "Nested (3, 6) Float32_3x6",
        "19200",
        "[[19. 22.]",
        " [43. 50.]]",
    ];

    [Fact]
    public void Consumer_with_only_a_package_reference_builds_without_warnings_and_prints_the_shapes()
    {
        var folder = fixture.CreateConsumer("Consumer", "Exe", [("Program.cs", Program)], extraProperties: DivergencesStayWarnings);
        var build = fixture.Build(folder);
        AssertBuilt(build, batchDotDivergences: 2);

        var run = PackageFixture.Run(folder);
        Assert.True(run.Succeeded, "dotnet run failed.\n" + run.Describe());
        Assert.Equal(ExpectedOutput, Lines(run.Output));

        // A Debug build (dotnet build's default) emits no kernel: every call goes to the runtime's precompiled product.
        Assert.Empty(KernelFiles(folder, "Debug"));
        Assert.Contains("StridedProduct.Multiply<float>", OperationsFiles(folder, "Debug"), StringComparison.Ordinal);

        // A Release build emits kernels for the small products; with default settings they use unchecked references into the buffers.
        AssertBuilt(fixture.Build(folder, "-c", "Release"), batchDotDivergences: 2);
        var config = EditorConfig(folder, "Consumer");
        Assert.Contains("build_property.ShapedTensorsUnrollBudget = ", config);
        Assert.Contains("build_property.ShapedTensorsCheckedKernels = ", config);
        Assert.All(KernelFiles(folder, "Release", required: true), file => Assert.Contains("MemoryMarshal.GetReference(x)", File.ReadAllText(file), StringComparison.Ordinal));
    }

    [Fact]
    public void Seed_mismatch_is_a_compile_error_with_TensorFlows_text_at_the_call()
    {
        const string source = """
            using ShapedTensors;

            var bad = new A().Dot(new B());
            System.Console.WriteLine(bad);

            [Tensor(3, 4, 5, 2)] partial struct A;
            [Tensor(2, 5, 3, 7)] partial struct B;
            """;
        var folder = fixture.CreateConsumer("Mismatch", "Exe", [("Program.cs", source)]);
        var errorLog = Path.Combine(folder, "errors.sarif");
        var build = fixture.Build(folder, $"-p:ErrorLog={errorLog}");

        Assert.False(build.Succeeded, "The build should have failed with ST0001.\n" + build.Describe());
        var programPath = Path.Combine(folder, "Program.cs");
        var expected = $"{programPath}(3,11): error ST0001: Dimensions must be equal, but are 2 and 3 for 'MatMul' (op: 'MatMul') "
            + "with input shapes: [60,2], [3,70].";
        var error = Assert.Single(build.Errors);
        Assert.True(error.StartsWith(expected, StringComparison.Ordinal), $"Expected the one error to start with\n  {expected}\nbut it is\n  {error}\n" + build.Describe());
        Assert.True(build.Warnings.Count == 0, "Unexpected warnings.\n" + build.Describe());

        // The rule's help link (in the compiler's error log, as an IDE shows it) opens its page in the installed package.
        var helpUri = HelpUris(File.ReadAllText(errorLog)).SingleOrDefault(uri => uri.EndsWith("/ST0001.md", StringComparison.Ordinal));
        Assert.True(helpUri is not null, "No help link for ST0001 in the error log:\n" + File.ReadAllText(errorLog));
        var page = new Uri(helpUri).LocalPath;
        Assert.StartsWith(Path.GetFullPath(fixture.PackagesFolder), page, StringComparison.Ordinal);
        Assert.True(File.Exists(page), $"The help link {helpUri} opens nothing.");
        Assert.StartsWith("# ST0001:", File.ReadAllText(page), StringComparison.Ordinal);
    }

    [Fact]
    public void A_project_of_another_framework_is_refused_by_NuGet()
    {
        // Without a compatible asset NuGet reports NU1202 at restore, instead of installing a package whose runtime the
        // project cannot reference.
        var folder = fixture.CreateConsumer("Net8", "Exe", [("Program.cs", "System.Console.WriteLine(1);\n")]);
        var project = Path.Combine(folder, "Net8.csproj");
        File.WriteAllText(project, File.ReadAllText(project).Replace("<TargetFramework>net10.0</TargetFramework>", "<TargetFramework>net8.0</TargetFramework>", StringComparison.Ordinal));

        var restore = fixture.Dotnet("restore", folder);

        Assert.False(restore.Succeeded, "The restore should have failed with NU1202.\n" + restore.Describe());
        Assert.Contains(restore.Errors, e => e.Contains($"error NU1202: Package {PackageFixture.PackageId} {fixture.Version} is not compatible with net8.0", StringComparison.Ordinal));
    }

    [Fact]
    public void The_readme_quick_start_pasted_into_Program_cs_builds_and_runs()
    {
        var quickStart = MarkdownSnippets.Read(fixture.RepositoryRoot, "README.md").First(s => s.Language == "csharp");
        Assert.Contains("W.Random(seed: 1)", quickStart.Code, StringComparison.Ordinal);
        var folder = fixture.CreateConsumer("QuickStart", "Exe", [("Program.cs", quickStart.Code)], extraProperties: DivergencesStayWarnings);

        AssertBuilt(fixture.Build(folder), batchDotDivergences: 1); // the one the quick start shows

        var run = PackageFixture.Run(folder);
        Assert.True(run.Succeeded, "dotnet run failed.\n" + run.Describe());
        Assert.Equal(["(10, 12, 4, 5)", "[[1. 1.]", " [1. 1.]", " [1. 1.]]"], Lines(run.Output));
    }

    [Fact]
    public void Msbuild_settings_reach_the_generator()
    {
        var folder = fixture.CreateConsumer(
            "Checked",
            "Exe",
            [("Program.cs", Program)],
            extraProperties: $"""
                <ShapedTensorsCheckedKernels>true</ShapedTensorsCheckedKernels>
                <ShapedTensorsUnrollBudget>16</ShapedTensorsUnrollBudget>
                {DivergencesStayWarnings}
                """);
        AssertBuilt(fixture.Build(folder), batchDotDivergences: 2);
        AssertBuilt(fixture.Build(folder, "-c", "Release"), batchDotDivergences: 2);

        var config = EditorConfig(folder, "Checked");
        Assert.Contains("build_property.ShapedTensorsUnrollBudget = 16", config);
        Assert.Contains("build_property.ShapedTensorsCheckedKernels = true", config);
        // Checked kernels (emitted in Release builds) index bounds-checked spans instead of taking references into them.
        Assert.All(KernelFiles(folder, "Release", required: true), file => Assert.DoesNotContain("MemoryMarshal.GetReference(x)", File.ReadAllText(file), StringComparison.Ordinal));

        var run = PackageFixture.Run(folder);
        Assert.True(run.Succeeded, "dotnet run failed.\n" + run.Describe());
        Assert.Equal(ExpectedOutput, Lines(run.Output));
    }

    [Fact]
    public void The_batch_dot_setting_reaches_the_generator_and_the_analyzers()
    {
        const string source = """
            using ShapedTensors;

            var z = X.Ones().BatchDot(Y.Ones());
            Console.WriteLine($"{((IShapedTensor<float>)z).Shape} {z.GetType().Name} {z.AsReadOnlySpan().ToArray().Sum()}");
            var d = X.Ones().ToDynamic().BatchDot(Y.Ones().ToDynamic(), BatchDotSemantics.TfKeras);
            Console.WriteLine(d.Shape);

            [Tensor(9, 8, 7, 4, 2)] partial struct X;
            [Tensor(9, 8, 7, 2, 5)] partial struct Y;
            """;
        var folder = fixture.CreateConsumer("TfKeras", "Exe", [("Program.cs", source)], extraProperties: "<ShapedTensorsBatchDot>TfKeras</ShapedTensorsBatchDot>" + DivergencesStayWarnings);
        var build = fixture.Build(folder);
        AssertBuilt(build, batchDotDivergences: 1);
        Assert.Contains("this call follows TfKeras", build.Warnings[0], StringComparison.Ordinal);
        Assert.Contains("build_property.ShapedTensorsBatchDot = TfKeras", EditorConfig(folder, "TfKeras"));

        // tf.keras' (9, 8, 7, 4, 8, 7, 5): each element sums 2 products of ones.
        var run = PackageFixture.Run(folder);
        Assert.True(run.Succeeded, "dotnet run failed.\n" + run.Describe());
        Assert.Equal(["(9, 8, 7, 4, 8, 7, 5) Float32_9x8x7x4x8x7x5 1128960", "(9, 8, 7, 4, 8, 7, 5)"], Lines(run.Output));
    }

    [Fact]
    public void The_inline_storage_setting_reaches_the_generator()
    {
        const string source = """
            using ShapedTensors;

            var a = A.Ones();
            var product = a.MatMul(a);          // a value: nothing allocated
            var copy = product;
            copy[0, 0] = 0;
            a.MatMul(a, ref product, transposeB: true);
            Console.WriteLine($"{product[0, 0]} {copy[0, 0]} {default(A) == A.Zeros()}");

            [Tensor(4, 4)] partial struct A;
            """;
        var folder = fixture.CreateConsumer("Inline", "Exe", [("Program.cs", source)], extraProperties: "<ShapedTensorsInlineStorage>16</ShapedTensorsInlineStorage>");
        AssertBuilt(fixture.Build(folder));
        AssertBuilt(fixture.Build(folder, "-c", "Release"));
        Assert.Contains("build_property.ShapedTensorsInlineStorage = 16", EditorConfig(folder, "Inline"));

        var run = PackageFixture.Run(folder);
        Assert.True(run.Succeeded, "dotnet run failed.\n" + run.Describe());
        Assert.Equal(["4 0 True"], Lines(run.Output));
    }

    [Fact]
    public void Project_that_gets_the_package_through_a_library_gets_the_generator_and_its_settings()
    {
        // The library references the package and declares public types; the app only references the library.
        var library = fixture.CreateConsumer(
            "ShapesLibrary",
            "Library",
            [("Shapes.cs", """
                using ShapedTensors;

                namespace ShapesLibrary;

                [Tensor(3, 4)] public partial struct L34;
                [Tensor(4, 5)] public partial struct L45;

                public static class Products
                {
                    public static Shape Product() => ((IShapedTensor<float>)L34.Ones().Dot(L45.Ones())).Shape;
                }
                """)]);
        var app = fixture.CreateConsumer(
            "ShapesApp",
            "Exe",
            [("Program.cs", """
                using ShapedTensors;
                using ShapesLibrary;

                Console.WriteLine(Products.Product());
                Show(L34.Ones().Dot(L45.Ones()));          // the library's types, specialized in this assembly
                Show(L45.Ones().MatMul(Own56.Ones()));     // the library's and this assembly's

                static void Show<T>(T result) where T : IShapedTensor<float>
                    => Console.WriteLine($"{result.Shape} {typeof(T).Name}");

                [Tensor(5, 6)] public partial struct Own56;
                """)],
            extraItems: $"""<ProjectReference Include="{Path.Combine(library, "ShapesLibrary.csproj")}" />""",
            referencePackage: false);

        AssertBuilt(fixture.Build(app));
        Assert.Contains("build_property.ShapedTensorsUnrollBudget = ", EditorConfig(app, "ShapesApp"));

        var run = PackageFixture.Run(app);
        Assert.True(run.Succeeded, "dotnet run failed.\n" + run.Describe());
        Assert.Equal(["(3, 5)", "(3, 5) Float32_3x5", "(4, 6) Float32_4x6"], Lines(run.Output));
    }

    // Every helpUri of a SARIF error log (any version), however nested.
    private static List<string> HelpUris(string sarif)
    {
        var uris = new List<string>();
        void Walk(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        if (property.Name == "helpUri" && property.Value.ValueKind == JsonValueKind.String)
                        {
                            uris.Add(property.Value.GetString()!);
                        }

                        Walk(property.Value);
                    }

                    break;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                    {
                        Walk(item);
                    }

                    break;
            }
        }

        using var document = JsonDocument.Parse(sarif);
        Walk(document.RootElement);
        return uris;
    }

    // Built with no error, and no warning but the given number of ST0008s (one per BatchDot whose result tf.keras' batch_dot changes).
    internal static void AssertBuilt(CommandResult build, int batchDotDivergences = 0)
    {
        Assert.True(build.Succeeded, "dotnet build failed.\n" + build.Describe());
        Assert.True(build.Errors.Count == 0, "dotnet build reported errors.\n" + build.Describe());
        Assert.True(
            build.Warnings.Count == batchDotDivergences && build.Warnings.All(warning => warning.Contains("warning ST0008: 'BatchDot' of shapes", StringComparison.Ordinal)),
            $"dotnet build reported warnings other than {batchDotDivergences} ST0008.\n" + build.Describe());
    }

    internal static string[] Lines(string output) =>
        output.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');

    // The .editorconfig MSBuild writes for the compiler: the build_property values the generator reads.
    private static string EditorConfig(string folder, string project)
    {
        // Both configurations write one with the same settings: take the first.
        var path = Directory.GetFiles(Path.Combine(folder, "obj"), project + ".GeneratedMSBuildEditorConfig.editorconfig", SearchOption.AllDirectories).Order(StringComparer.Ordinal).FirstOrDefault();
        Assert.True(path is not null, $"No generated .editorconfig under {folder}/obj.");
        return File.ReadAllText(path);
    }

    // The kernel files the generator wrote in one configuration (EmitCompilerGeneratedFiles is on in every consumer).
    private static string[] KernelFiles(string folder, string configuration, bool required = false)
    {
        var generated = Path.Combine(folder, "obj", configuration);
        var files = Directory.GetFiles(generated, "*.Kernels.*.g.cs", SearchOption.AllDirectories);
        Assert.True(!required || files.Length > 0, $"The generator wrote no kernel under {generated}: it did not run, or its output moved.");
        return files;
    }

    // The text of the operations files the generator wrote in one configuration.
    private static string OperationsFiles(string folder, string configuration)
    {
        var files = Directory.GetFiles(Path.Combine(folder, "obj", configuration), "*.GeneratedTensorOperations.g.cs", SearchOption.AllDirectories);
        Assert.True(files.Length > 0, $"The generator wrote no operations file under {folder}/obj/{configuration}.");
        return string.Concat(files.Select(File.ReadAllText));
    }
}
