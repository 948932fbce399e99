using System;
using System.IO;
using System.Threading.Tasks;
using ShapedTensors.Analyzers.Tests.Support;
using Xunit;

namespace ShapedTensors.Analyzers.Tests;

/// <summary>
/// The seed's mismatched example, built with <c>dotnet build</c> in a project on disk that references the runtime,
/// the generator, the analyzers and the code fixes as a user's project would: the build fails with ST0001 at the
/// call, with the runtime's exact text; and a wrong weight matrix for a batch of run-time size, with the `?` frame.
/// </summary>
public sealed class EndToEndBuildTests
{
    private const string Program = """
        using System;
        using ShapedTensors;

        namespace EndToEnd;

        [Tensor(3, 4, 5, 2)] partial struct A;
        [Tensor(2, 5, 3, 7)] partial struct B;
        [Tensor(2, 4)] partial struct C;
        [Tensor("batch", 784)] partial struct Input;
        [Tensor(784, 10)] partial struct Right;
        [Tensor(100, 10)] partial struct Wrong;

        internal static class Program
        {
            private static void Main()
            {
                var good = new A().Dot(new C());
                var bad = new A().Dot(new B());
                var scores = Input.Zeros(batch: 3).MatMul(new Right());
                var wrong = Input.Zeros(batch: 3).MatMul(new Wrong());
                Console.WriteLine(good);
                Console.WriteLine(bad);
                Console.WriteLine(scores.Batch);
                Console.WriteLine(wrong);
            }
        }
        """;

    [Fact]
    public async Task Building_the_seed_mismatch_fails_with_ST0001_at_the_call()
    {
        var directory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "shapedtensors-e2e-" + Guid.NewGuid().ToString("N")));
        try
        {
            // Empty build files stop MSBuild from picking up any above the temporary folder.
            File.WriteAllText(Path.Combine(directory.FullName, "Directory.Build.props"), "<Project />\n");
            File.WriteAllText(Path.Combine(directory.FullName, "Directory.Build.targets"), "<Project />\n");
            File.WriteAllText(Path.Combine(directory.FullName, "EndToEnd.csproj"), Project(RepositoryRoot.Path));
            File.WriteAllText(Path.Combine(directory.FullName, "Program.cs"), Program);

            var (exitCode, output) = await DotnetBuild.RunAsync(Path.Combine(directory.FullName, "EndToEnd.csproj"), TimeSpan.FromMinutes(5));

            var (line, column) = Position(Program, "new A().Dot(new B())");
            var expected = $"Program.cs({line},{column}): error ST0001: Dimensions must be equal, but are 2 and 3 for 'MatMul' (op: 'MatMul') with input shapes: [60,2], [3,70].";
            Assert.True(output.Contains(expected, StringComparison.Ordinal), $"Expected\n{expected}\nin the build output:\n{output}");

            // Issue 10: a batch size known only at run time, and a weight matrix of the wrong shape.
            (line, column) = Position(Program, "Input.Zeros(batch: 3).MatMul(new Wrong())");
            expected = $"Program.cs({line},{column}): error ST0001: Dimensions must be equal, but are 784 and 100 for 'MatMul' (op: 'MatMul') with input shapes: [?,784], [100,10].";
            Assert.True(output.Contains(expected, StringComparison.Ordinal), $"Expected\n{expected}\nin the build output:\n{output}");
            Assert.NotEqual(0, exitCode);

            // The valid call compiles without a word, and every analyzer assembly loaded (CS8032, AD0001 otherwise).
            foreach (var unexpected in new[] { "warning ST", "CS8032", "AD0001", "CS8785", "error CS" })
            {
                Assert.False(output.Contains(unexpected, StringComparison.Ordinal), $"Unexpected '{unexpected}' in the build output:\n{output}");
            }
        }
        finally
        {
            try
            {
                directory.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A leftover temporary folder is harmless.
            }
        }
    }

    private static string Project(string root) => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
          </PropertyGroup>
          <ItemGroup>
            <ProjectReference Include="{Path.Combine(root, "runtime", "ShapedTensors.csproj")}" />
            <ProjectReference Include="{Path.Combine(root, "generator", "ShapedTensors.Generator.csproj")}" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
            <ProjectReference Include="{Path.Combine(root, "analyzers", "ShapedTensors.Analyzers.csproj")}" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
            <ProjectReference Include="{Path.Combine(root, "analyzers", "CodeFixes", "ShapedTensors.CodeFixes.csproj")}" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
          </ItemGroup>
        </Project>
        """;

    // The 1-based line and column of the first occurrence of text, as the compiler reports them.
    private static (int Line, int Column) Position(string source, string text)
    {
        var lines = source.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var column = lines[i].IndexOf(text, StringComparison.Ordinal);
            if (column >= 0)
            {
                return (i + 1, column + 1);
            }
        }

        throw new InvalidOperationException($"'{text}' is not in the program");
    }
}
