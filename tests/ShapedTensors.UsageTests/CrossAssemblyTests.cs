using ShapedTensors;
using ShapedTensors.Generated.ShapedTensors.UsageTests;
using ShapedTensors.UsageTests.Library;
using Xunit;

namespace ShapedTensors.UsageTests;

/// <summary>
/// Types declared in another assembly cannot get new members from this one, so their calls are specialized
/// by overloads generated here; the library's own overloads are internal to it and never collide.
/// </summary>
public class CrossAssemblyTests
{
    [Fact]
    public void Types_from_a_referenced_assembly_get_specialized_overloads_here()
    {
        var left = LibraryLeft.Random(seed: 1);
        var right = LibraryRight.Random(seed: 2);
        var result = left.Dot(right);
        Assert.IsType<Float32_3x5>(result);
        Approx.Equal(left.ToDynamic().Dot(right.ToDynamic()).AsReadOnlySpan(), result.AsReadOnlySpan());
    }

    [Fact]
    public void The_library_uses_its_own_kernels()
    {
        var left = LibraryLeft.Random(seed: 1);
        var right = LibraryRight.Random(seed: 2);
        Approx.Equal(left.Dot(right).AsReadOnlySpan(), LibraryMath.Product(left, right).AsReadOnlySpan());
    }

    [Fact]
    public void Referenced_types_mix_with_local_ones_in_chains()
    {
        var result = LibraryLeft.Ones().Dot(LibraryRight.Ones()).Dot(Third.Ones());
        Assert.IsType<Float32_3x6>(result);
        Assert.All(result.ToArray(), value => Assert.Equal(20f, value));
    }
}
