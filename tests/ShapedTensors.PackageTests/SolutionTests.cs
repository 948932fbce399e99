using System;
using System.IO;
using Xunit;

namespace ShapedTensors.PackageTests;

/// <summary>
/// A solution as users build one: a library with public shaped APIs (its own declared types, a public canonical result
/// type with ShapedTensorsPublicResultTypes, XML docs required), an app that only references the library, and an xunit
/// project that sees the library's internals and calls what the library calls, in its namespace. Built with
/// <c>dotnet build</c> of the solution, warnings as errors; the app runs and the tests pass.
/// </summary>
[Collection(PackageTestsDefinition.Name)]
public sealed class SolutionTests(PackageFixture fixture)
{
    private const string Library = """
        using ShapedTensors;
        using ShapedTensors.Generated.Shapes;

        namespace Shapes;

        /// <summary>A batch of inputs.</summary>
        [Tensor(32, 64)] public partial struct Input;

        /// <summary>The layer's weights.</summary>
        [Tensor(64, 128)] public partial struct W1;

        /// <summary>The layer's output.</summary>
        [Tensor(32, 128)] public partial struct Hidden;

        /// <summary>A layer with public shaped APIs.</summary>
        public static class Net
        {
            /// <summary>The weights.</summary>
            public static W1 Weights { get; } = W1.Random(seed: 7);

            /// <summary>The layer, returning a declared type: the result converts without copying.</summary>
            public static Hidden Forward(Input x) => x.MatMul(Weights);

            /// <summary>The layer, written into a declared type.</summary>
            public static void Forward(Input x, Hidden into) => x.MatMul(Weights, into);

            /// <summary>The layer, returning the canonical result type, public in this library.</summary>
            public static Float32_32x128 ForwardCanonical(Input x) => x.MatMul(Weights);

            // For the tests project, which sees internals.
            internal static Float32_32x128 Scores(Input x, W1 weights) => x.MatMul(weights);
        }
        """;

    private const string App = """
        using ShapedTensors;
        using Shapes;

        var x = Input.Random(seed: 1);
        Hidden h = x.MatMul(Net.Weights);                         // this app's result type, converted to the library's
        var into = new Hidden();
        x.MatMul(Net.Weights, into);                               // the library's type as the destination
        Console.WriteLine(h == Net.Forward(x));
        Console.WriteLine(into == h);
        Console.WriteLine(Net.ForwardCanonical(x) == h);           // the library's public result type against its declared one
        Console.WriteLine(x.MatMul(Net.Weights) == Net.ForwardCanonical(x));   // this app's result type against the library's
        Console.WriteLine(Hidden.Shape);
        """;

    private const string Tests = """
        using ShapedTensors;
        using Xunit;

        // The library's namespace, where the library calls MatMul on these types too: with its internals visible here,
        // its overload would meet this project's (CS0121) were it not kept to the library.
        namespace Shapes;

        public class NetTests
        {
            [Fact]
            public void Forward_matches_the_dynamic_tensor()
            {
                var x = Input.Random(seed: 2);
                var actual = x.MatMul(Net.Weights);
                var expected = x.ToDynamic().MatMul(Net.Weights.ToDynamic()).AsReadOnlySpan();
                for (var i = 0; i < expected.Length; i++)
                {
                    Assert.True(Math.Abs(expected[i] - actual.AsReadOnlySpan()[i]) <= 1e-4f * Math.Max(1, Math.Abs(expected[i])), $"element {i}");
                }

                Assert.True(Net.Forward(x) == actual);
                Assert.True(Net.Scores(x, Net.Weights) == actual);
            }
        }
        """;

    [Fact]
    public void A_library_an_app_and_a_tests_project_build_without_warnings_run_and_pass()
    {
        var root = fixture.CreateFolder("ThreeProjects", [("ThreeProjects.slnx", """
            <Solution>
              <Project Path="Shapes/Shapes.csproj" />
              <Project Path="App/App.csproj" />
              <Project Path="Shapes.Tests/Shapes.Tests.csproj" />
            </Solution>
            """)]);
        fixture.WriteProject(
            Path.Combine(root, "Shapes"),
            "Shapes",
            "Library",
            [("Net.cs", Library)],
            extraProperties: """
                <GenerateDocumentationFile>true</GenerateDocumentationFile>
                <ShapedTensorsPublicResultTypes>true</ShapedTensorsPublicResultTypes>
                """,
            extraItems: """<InternalsVisibleTo Include="Shapes.Tests" />""");
        fixture.WriteProject(
            Path.Combine(root, "App"),
            "App",
            "Exe",
            [("Program.cs", App)],
            extraItems: """<ProjectReference Include="../Shapes/Shapes.csproj" />""",
            referencePackage: false);
        fixture.WriteProject(
            Path.Combine(root, "Shapes.Tests"),
            "Shapes.Tests",
            "Library",
            [("NetTests.cs", Tests)],
            extraProperties: "<IsPackable>false</IsPackable><IsTestProject>true</IsTestProject>",
            extraItems: """
                <ProjectReference Include="../Shapes/Shapes.csproj" />
                <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.0.1" />
                <PackageReference Include="xunit" Version="2.9.3" />
                <PackageReference Include="xunit.runner.visualstudio" Version="3.1.5" />
                """,
            referencePackage: false);

        ConsumerTests.AssertBuilt(fixture.Build(Path.Combine(root, "ThreeProjects.slnx")));

        var run = PackageFixture.Run(Path.Combine(root, "App"));
        Assert.True(run.Succeeded, "dotnet run failed.\n" + run.Describe());
        Assert.Equal(["True", "True", "True", "True", "(32, 128)"], ConsumerTests.Lines(run.Output));

        var test = DotNetCli.Run(root, ["test", Path.Combine(root, "Shapes.Tests"), "--no-build", .. DotNetCli.IsolatedBuildArguments]);
        Assert.True(test.Succeeded, "dotnet test failed.\n" + test.Describe());
        Assert.Contains("Passed!", test.Output, StringComparison.Ordinal);
    }
}
