extern alias GeneratorAssembly;

using GeneratorAssembly::ShapedTensors.Generator.Model;
using Xunit;

namespace ShapedTensors.Generator.Tests;

/// <summary>The version in generated <c>[GeneratedCode]</c> attributes is the package's, set in one place.</summary>
public class VersionTests
{
    [Fact]
    public void GeneratedCode_attributes_carry_the_version_of_the_runtime_they_ship_with()
    {
        var runtime = typeof(DynamicTensor<float>).Assembly.GetName().Version!.ToString(3);
        Assert.Equal(runtime, ThisAssembly.Version);
        Assert.Contains($"\"ShapedTensors.Generator\", \"{runtime}\"", Names.GeneratedCodeAttribute, System.StringComparison.Ordinal);
    }
}
