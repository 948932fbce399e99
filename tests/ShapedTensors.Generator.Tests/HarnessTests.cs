using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using ShapedTensors.Generator.Tests.Support;
using Xunit;
using Xunit.Sdk;

namespace ShapedTensors.Generator.Tests;

/// <summary>
/// Tests of the test harness itself, independent of what the generator emits: they use sources without
/// <c>[Tensor]</c> or small generators of known behaviour.
/// </summary>
public sealed class HarnessTests
{
    private const string Plain = """
        namespace Plain;

        public static class Calculator
        {
            public static int Add(int a, int b) => a + b;

            public static int Twice(int a)
            {
                return a * 2;
            }
        }
        """;

    // ------------------------------------------------------------------ GeneratorHarness / CompileAssert

    [Fact]
    public void Sources_without_tensors_generate_nothing_of_their_own_and_compile_cleanly()
    {
        var run = GeneratorHarness.Run(Plain);

        // Only the definition of [Embedded], which the generator adds to every compilation for its operations classes.
        var only = Assert.Single(run.GeneratedSources);
        Assert.StartsWith("Microsoft.CodeAnalysis.EmbeddedAttribute", only.Key, System.StringComparison.Ordinal);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.Exceptions);
        Assert.Equal(GeneratorHarness.DefaultAssemblyName, run.OutputCompilation.AssemblyName);
        CompileAssert.AssertCompilesCleanly(run);
    }

    [Fact]
    public void Real_generator_is_cached_on_a_second_run_of_sources_without_tensors()
    {
        var run = GeneratorHarness.Run(Plain);

        CachingAssert.AssertCachedOnSecondRun(run);
        CachingAssert.AssertEditKeepsOutputsCached(run, c => CompilationEdits.ReplaceText(c, "a * 2", "a + a"));
    }

    [Fact]
    public void Tracking_names_are_read_from_the_generator()
    {
        Assert.NotEmpty(TrackingNameCatalog.Names);
        Assert.All(TrackingNameCatalog.Names, name => Assert.False(string.IsNullOrWhiteSpace(name)));
    }

    [Fact]
    public void An_error_fails_AssertCompilesCleanly_with_the_location_and_the_source_around_it()
    {
        var run = GeneratorHarness.Run("namespace Broken;\n\npublic static class C\n{\n    public static int F() => \"not an int\";\n}\n");

        var failure = Assert.ThrowsAny<XunitException>(() => CompileAssert.AssertCompilesCleanly(run));
        Assert.Contains("CS0029", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Source0.cs(5,", failure.Message, StringComparison.Ordinal);
        Assert.Contains("public static int F() => \"not an int\";", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_warning_fails_AssertCompilesCleanly()
    {
        var run = GeneratorHarness.Run("namespace Warned;\n\npublic static class C\n{\n    public static string F() => null;\n}\n");

        var failure = Assert.ThrowsAny<XunitException>(() => CompileAssert.AssertCompilesCleanly(run));
        Assert.Contains("CS8603", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_doc_comment_counts_only_in_generated_files()
    {
        // The test source has public members without docs (CS1591 with docs on), which is not the generator's doing.
        var raw = GeneratorHarness.CreateCompilation(HarnessOptions.Default, Plain).GetDiagnostics();
        Assert.Contains(raw, d => d.Id == CompileAssert.MissingXmlComment);
        CompileAssert.AssertCompilesCleanly(GeneratorHarness.Run(Plain));

        // A generated public type without docs is.
        var run = GeneratorHarness.Run(new HarnessTestGenerators.Undocumented(), HarnessOptions.Default, Plain);
        var failure = Assert.ThrowsAny<XunitException>(() => CompileAssert.AssertCompilesCleanly(run));
        Assert.Contains(CompileAssert.MissingXmlComment, failure.Message, StringComparison.Ordinal);
        Assert.Contains("[generated]", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_generator_exception_fails_the_run()
    {
        var failure = Assert.ThrowsAny<XunitException>(() => GeneratorHarness.Run(new HarnessTestGenerators.Throwing(), HarnessOptions.Default, Plain));

        Assert.Contains(HarnessTestGenerators.Throwing.Message, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_set_the_assembly_name_the_output_kind_and_the_global_options()
    {
        var options = HarnessOptions.Default.WithBuildProperty("Probe", "42") with
        {
            AssemblyName = "Probed",
            OutputKind = OutputKind.ConsoleApplication,
        };
        var run = GeneratorHarness.Run(new HarnessTestGenerators.OptionEcho(), options, "System.Console.WriteLine(1);");

        Assert.Equal("Probed", run.OutputCompilation.AssemblyName);
        Assert.Equal(OutputKind.ConsoleApplication, run.OutputCompilation.Options.OutputKind);
        Assert.Equal("// Probe=42\n", run.Source("Probe.g.cs"));
        CompileAssert.AssertCompilesCleanly(run);

        var missing = Assert.ThrowsAny<XunitException>(() => run.Source("Nope.g.cs"));
        Assert.Contains("Probe.g.cs", missing.Message, StringComparison.Ordinal);
    }

    // ------------------------------------------------------------------ CachingAssert / ModelGraph

    [Fact]
    public void A_well_behaved_generator_passes_the_caching_checks()
    {
        var run = GeneratorHarness.Run(new HarnessTestGenerators.Marked(), HarnessOptions.Default, """
            namespace Test;

            [Mark] public sealed class Alpha { public static int Body() => 1; }
            [Mark] public sealed class Beta { }
            """);
        Assert.Contains("\"Alpha,Beta\"", run.Source("Marked.g.cs"), StringComparison.Ordinal);

        CachingAssert.AssertCachedOnSecondRun(run, HarnessTestGenerators.Marked.TrackingNames);
        var steps = CachingAssert.AssertEditKeepsOutputsCached(
            run, c => CompilationEdits.ReplaceText(c, "Body() => 1", "Body() => 2"), HarnessTestGenerators.Marked.TrackingNames);
        Assert.Contains(steps, s => s.Step == HarnessTestGenerators.Marked.NamesStep);
        Assert.Contains(steps, s => s.Step == "SourceOutput");
    }

    [Fact]
    public void An_edit_that_changes_a_model_fails_AssertEditKeepsOutputsCached()
    {
        var run = GeneratorHarness.Run(new HarnessTestGenerators.Marked(), HarnessOptions.Default, "namespace Test;\n\n[Mark] public sealed class Alpha { }\n");

        var failure = Assert.ThrowsAny<XunitException>(() => CachingAssert.AssertEditKeepsOutputsCached(
            run, c => CompilationEdits.ReplaceText(c, "class Alpha", "class Gamma"), HarnessTestGenerators.Marked.TrackingNames));
        Assert.Contains("output step 'SourceOutput'", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_holding_the_compilation_fails_the_caching_check()
    {
        var run = GeneratorHarness.Run(new HarnessTestGenerators.Leaky(), HarnessOptions.Default, Plain);

        var failure = Assert.ThrowsAny<XunitException>(() => CachingAssert.AssertCachedOnSecondRun(run, [HarnessTestGenerators.Leaky.Step]));
        Assert.Contains("a compilation", failure.Message, StringComparison.Ordinal);
        Assert.Contains("is Modified", failure.Message, StringComparison.Ordinal);
        Assert.ThrowsAny<XunitException>(() => CachingAssert.AssertNoCompilerObjectsInModels(run, [HarnessTestGenerators.Leaky.Step]));
    }

    [Fact]
    public void ModelGraph_finds_compiler_objects_nested_in_records_tuples_and_arrays()
    {
        var compilation = GeneratorHarness.CreateCompilation(HarnessOptions.Default, Plain);
        var symbol = compilation.GetTypeByMetadataName("Plain.Calculator")!;
        var location = symbol.Locations[0];

        Assert.Empty(ModelGraph.FindCompilerObjects(new Sample("x", [1, 2], ("a", 3), null), "clean"));
        var found = ModelGraph.FindCompilerObjects(new Sample("x", [1], ("a", 3), new object[] { "fine", (location, 1), new List<object> { symbol } }), "model");
        Assert.Equal(2, found.Count);
        Assert.Contains(found, f => f.StartsWith("model.Extra[1].Item1: a location", StringComparison.Ordinal));
        Assert.Contains(found, f => f.Contains("a symbol", StringComparison.Ordinal));
    }

    // ------------------------------------------------------------------ Snapshot

    [Fact]
    public void Snapshot_writes_received_on_mismatch_and_passes_once_accepted()
    {
        var directory = Path.Combine(Path.GetTempPath(), "shapedtensors-snapshot-" + Guid.NewGuid().ToString("N"));
        try
        {
            var files = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["A.g.cs"] = "line 1\nline 2\nline 3\n", ["B.g.cs"] = "b\n" };
            var verifiedA = Path.Combine(directory, "A.verified.cs");
            var receivedA = Path.Combine(directory, "A.received.cs");

            // No snapshot yet: fails and writes .received.
            var missing = Assert.ThrowsAny<XunitException>(() => Snapshot.VerifyDirectory(directory, files, accept: false));
            Assert.Contains("No snapshot for A.g.cs", missing.Message, StringComparison.Ordinal);
            Assert.True(File.Exists(receivedA));
            Assert.False(File.Exists(verifiedA));

            // Accepting writes .verified and removes .received; then the same files pass.
            Snapshot.VerifyDirectory(directory, files, accept: true);
            Assert.Equal("line 1\nline 2\nline 3\n", File.ReadAllText(verifiedA));
            Assert.False(File.Exists(receivedA));
            Snapshot.VerifyDirectory(directory, files, accept: false);

            // CRLF in the snapshot is the same text.
            File.WriteAllText(verifiedA, "line 1\r\nline 2\r\nline 3\r\n");
            Snapshot.VerifyDirectory(directory, files, accept: false);

            // A change fails with a diff naming the file, and leaves .received; a pass removes it again.
            files["A.g.cs"] = "line 1\nline two\nline 3\n";
            var changed = Assert.ThrowsAny<XunitException>(() => Snapshot.VerifyDirectory(directory, files, accept: false));
            Assert.Contains("A.g.cs differs from", changed.Message, StringComparison.Ordinal);
            Assert.Contains("- line 2\n+ line two", changed.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("B.g.cs", changed.Message, StringComparison.Ordinal);
            Assert.Equal("line 1\nline two\nline 3\n", File.ReadAllText(receivedA));
            files["A.g.cs"] = "line 1\nline 2\nline 3\n";
            Snapshot.VerifyDirectory(directory, files, accept: false);
            Assert.False(File.Exists(receivedA));

            // A snapshot of a file no longer generated fails, and accepting deletes it.
            files.Remove("B.g.cs");
            var stale = Assert.ThrowsAny<XunitException>(() => Snapshot.VerifyDirectory(directory, files, accept: false));
            Assert.Contains("B.verified.cs has no generated file any more", stale.Message, StringComparison.Ordinal);
            Snapshot.VerifyDirectory(directory, files, accept: true);
            Assert.False(File.Exists(Path.Combine(directory, "B.verified.cs")));
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    [Fact]
    public void Snapshot_folders_are_named_after_the_test_class_and_method()
    {
        var directory = Snapshot.DirectoryFor(ThisFile(), nameof(Snapshot_folders_are_named_after_the_test_class_and_method));

        Assert.Equal(Snapshot.FolderName, Path.GetFileName(Path.GetDirectoryName(directory)));
        Assert.Equal("HarnessTests.Snapshot_folders_are_named_after_the_test_class_and_method", Path.GetFileName(directory));
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(directory))!, "ShapedTensors.Generator.Tests.csproj")));
        Assert.Equal("My.App.W.verified.cs", Snapshot.VerifiedFileName("My.App.W.g.cs"));
    }

    [Fact]
    public void Snapshot_refuses_a_run_that_generated_nothing()
    {
        // Refused before any file is compared or written (no snapshot folder for this test exists).
        var failure = Assert.ThrowsAny<XunitException>(() => Snapshot.Verify(GeneratorHarness.Run(Plain)));
        Assert.StartsWith("Nothing to snapshot", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TextDiff_shows_changed_lines_with_context()
    {
        // Changes close together share a hunk; far apart, each gets its own.
        var near = TextDiff.Unified("a\nb\nc\nd\ne\nf\ng\n", "a\nb\nc\nD\ne\nf\ng\nh\n");
        Assert.Equal("@@ -2 +2 @@\n  b\n  c\n- d\n+ D\n  e\n  f\n  g\n+ h\n", near);
        var far = TextDiff.Unified("a\nb\nc\nd\ne\nf\ng\nh\ni\n", "A\nb\nc\nd\ne\nf\ng\nh\ni\nj\n");
        Assert.Equal("@@ -1 +1 @@\n- a\n+ A\n  b\n  c\n@@ -8 +8 @@\n  h\n  i\n+ j\n", far);
        Assert.Contains("… (diff cut)", TextDiff.Unified("x\n", string.Concat(Enumerable.Repeat("y\n", 100))), StringComparison.Ordinal);
        Assert.Equal(string.Empty, TextDiff.Unified("same\n", "same\n"));
    }

    // ------------------------------------------------------------------ RunProgram

    [Fact]
    public void RunProgram_calls_a_static_method_of_the_compiled_code()
    {
        var run = GeneratorHarness.Run(Plain);

        Assert.Equal(5, RunProgram.Invoke(run, "Plain.Calculator", "Add", 2, 3));
    }

    [Fact]
    public void RunProgram_shares_the_runtime_and_unwraps_exceptions()
    {
        var run = GeneratorHarness.Run("""
            namespace Runner;

            internal static class Probe
            {
                private static System.Type RuntimeType() => typeof(ShapedTensors.TensorAttribute);

                private static ShapedTensors.Shape MakeShape() => new(2, 3);

                private static void Fail(string message) => throw new System.InvalidOperationException(message);
            }
            """);

        Assert.Same(typeof(TensorAttribute), RunProgram.Invoke(run, "Runner.Probe", "RuntimeType"));
        Assert.Equal(new Shape(2, 3), RunProgram.Invoke(run, "Runner.Probe", "MakeShape"));
        var thrown = Assert.Throws<InvalidOperationException>(() => RunProgram.Invoke(run, "Runner.Probe", "Fail", "from inside"));
        Assert.Equal("from inside", thrown.Message);
    }

    [Fact]
    public void RunProgram_runs_a_top_level_program()
    {
        var run = GeneratorHarness.Run(HarnessOptions.Default with { OutputKind = OutputKind.ConsoleApplication }, "return args.Length + 40;");

        CompileAssert.AssertCompilesCleanly(run);
        Assert.Equal(42, RunProgram.Invoke(run, "Program", "<Main>$", new object[] { new[] { "a", "b" } }));
    }

    [Fact]
    public void RunProgram_loads_a_referenced_in_memory_library()
    {
        var library = GeneratorHarness.CompileLibrary("Lib", """
            namespace Lib;

            /// <summary>A library type.</summary>
            public static class Numbers
            {
                /// <summary>Two.</summary>
                public static int Two() => 2;
            }
            """);
        var run = GeneratorHarness.Run(HarnessOptions.Default.WithReference(library.Reference) with { AssemblyName = "App" }, """
            namespace App;

            internal static class Program
            {
                private static int Four() => Lib.Numbers.Two() * 2;
            }
            """);

        CompileAssert.AssertCompilesCleanly(run);
        Assert.Equal("Lib", library.AssemblyName);
        Assert.Equal(4, RunProgram.Invoke(run, [library], "App.Program", "Four"));
    }

    private static string ThisFile([System.Runtime.CompilerServices.CallerFilePath] string file = "") => file;

    private sealed record Sample(string Name, int[] Dims, (string, int) Pair, object[]? Extra);
}
