extern alias GeneratorAssembly;

using System;
using System.Linq;
using System.Threading;
using GeneratorAssembly::ShapedTensors.Generator.Emit;
using GeneratorAssembly::ShapedTensors.Generator.Model;
using GeneratorAssembly::ShapedTensors.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ShapedTensors.Generator.Tests.Support;
using Xunit;

namespace ShapedTensors.Generator.Tests;

/// <summary>
/// Types whose sizes are known only at run time, beyond the snapshot: the canonical result types that generated calls
/// will use (with the [Tensor] attribute and conversions to the declared types of their static shape), and the
/// types of referenced assemblies, which carry their names.
/// </summary>
public sealed class PartialTypeTests
{
    [Fact]
    public void A_canonical_type_converts_to_and_compares_with_the_types_of_its_static_shape_only()
    {
        const string declarations = """
            using ShapedTensors;
            namespace App;
            [Tensor("batch", 128)] public partial struct Hidden;
            [Tensor("batch", 128)] public partial class HiddenClass;
            """;
        const string usage = """
            namespace App;
            /// <summary>Conversions and comparisons as a generated call's result would use them.</summary>
            public static class Calls
            {
                /// <summary>Whether they all hold.</summary>
                public static bool Run()
                {
                    var hidden = Hidden.Ones(3);
                    Float32_batchx128 canonical = hidden;
                    HiddenClass asClass = canonical;
                    Hidden back = canonical;
                    return canonical == hidden && asClass == canonical && back == hidden && canonical.Batch == 3 && canonical.Shape.ToString() == "(3, 128)";
                }
            }
            """;
        var run = GeneratorHarness.Run(declarations);
        var canonical = Canonical("batch", "batchx128", run, "global::App.Hidden", "global::App.HiddenClass");
        var generatedNamespace = Names.GeneratedNamespace(run.OutputCompilation.AssemblyName);

        var compilation = run.OutputCompilation.AddSyntaxTrees(
            CSharpSyntaxTree.ParseText(canonical, GeneratorHarness.ParseOptions(run.Options), path: "Canonical.cs"),
            CSharpSyntaxTree.ParseText($"using {generatedNamespace};\n" + usage, GeneratorHarness.ParseOptions(run.Options), path: "Usage.cs"));

        var problems = compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        var context = new InMemoryLoadContext("PartialTypeTests");
        try
        {
            Assert.Equal(true, context.LoadImage(CompileAssert.Emit(compilation), default).GetType("App.Calls")!.GetMethod("Run")!.Invoke(null, null));
        }
        finally
        {
            context.Unload();
        }

        Assert.Contains("[global::ShapedTensors.Tensor(\"batch\", 128)]", canonical, StringComparison.Ordinal);
        Assert.Contains("internal readonly partial struct Float32_batchx128 : global::ShapedTensors.IShapedTensor<float>", canonical, StringComparison.Ordinal);
    }

    [Fact]
    public void Types_of_referenced_assemblies_carry_their_dimension_names()
    {
        var library = GeneratorHarness.CompileLibrary("Library", """
            using ShapedTensors;
            namespace Lib;
            [Tensor("batch", 128)] public partial class Shared;
            [Tensor<double>("?", "t", 4)] public partial struct Seq;
            [Tensor("shape", 4)] public partial struct NotExtended;
            """);
        var referencing = GeneratorHarness.CreateCompilation(HarnessOptions.Default.WithReference(library.Reference), "namespace App; public static class Nothing { }");

        var found = ReferencedTensorTypes.Find(referencing, CancellationToken.None);

        Assert.Equal(["global::Lib.Seq", "global::Lib.Shared"], found.Select(type => type.FullName));
        Assert.Equal(["?", "t", string.Empty], found.Single(type => type.FullName == "global::Lib.Seq").DimNames);
        Assert.Equal(["batch", string.Empty], found.Single(type => type.FullName == "global::Lib.Shared").DimNames);
    }

    // The canonical type of (name, 128), as a call would have it generated, converting to the given same-shape types.
    private static string Canonical(string name, string dims, GeneratorRun run, params string[] sameShape)
    {
        var type = new TensorTypeModel(
            Names.GeneratedNamespace(run.OutputCompilation.AssemblyName),
            EquatableArray<ContainingType>.Empty,
            "Float32_" + dims,
            "readonly struct",
            "internal",
            new EquatableArray<int>([-1, 128]),
            ElementKind.Float32,
            AddTensorAttribute: true,
            IsNameable: true,
            EquatableArray<string>.Empty)
        {
            DimNames = new EquatableArray<string>([name, string.Empty]),
        };
        return TensorTypeEmitter.Emit(type, new EquatableArray<SameShapeType>(sameShape.Select(fullName => new SameShapeType(fullName, fullName.EndsWith("Class", StringComparison.Ordinal)))));
    }
}
