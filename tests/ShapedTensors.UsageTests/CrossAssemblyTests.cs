using System;
using ShapedTensors;
using ShapedTensors.Generated.ShapedTensors.UsageTests;
using ShapedTensors.UsageTests.Library;
using Xunit;
using LibraryResult = ShapedTensors.Generated.ShapedTensors.UsageTests.Library.Float32_3x5;

namespace ShapedTensors.UsageTests;

/// <summary>
/// Types declared in another assembly cannot get new members from this one, so their calls are specialized
/// by overloads generated here; the library's own overloads are internal to it and never collide. Results
/// convert to and from same-shape types of any assembly without copying, and such types work as destinations.
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

    [Fact]
    public void A_result_converts_to_the_librarys_type_of_its_shape_without_copying()
    {
        var x = Input.Random(seed: 3);
        var product = x.MatMul(Net.Weights);
        Hidden h = product;
        Assert.True(h.AsReadOnlySpan().Overlaps(product.AsReadOnlySpan()));
        Float32_32x128 back = h;
        Assert.True(back.AsReadOnlySpan().Overlaps(product.AsReadOnlySpan()));
        Approx.Equal(x.ToDynamic().MatMul(Net.Weights.ToDynamic()).AsReadOnlySpan(), h.AsReadOnlySpan());
    }

    [Fact]
    public void A_library_type_is_a_destination_of_the_specialized_overload()
    {
        var x = Input.Random(seed: 4);
        var destination = new Hidden();
        x.MatMul(Net.Weights, destination);   // binds to this assembly's overload (no ST0003), through the conversion
        Approx.Equal(x.ToDynamic().MatMul(Net.Weights.ToDynamic()).AsReadOnlySpan(), destination.AsReadOnlySpan());
    }

    [Fact]
    public void Public_shaped_apis_of_the_library_return_its_declared_types()
    {
        var x = Input.Random(seed: 5);
        var h = Net.Forward(x);
        var into = new Hidden();
        Net.Forward(x, into);
        Assert.True(h == x.MatMul(Net.Weights));    // a declared type against a canonical one: no ambiguity
        Assert.True(x.MatMul(Net.Weights) == into);
        Assert.False(h != into);
        Assert.Equal(h.GetHashCode(), into.GetHashCode());
    }

    [Fact]
    public void The_librarys_public_result_types_convert_to_this_assemblys()
    {
        var left = LibraryLeft.Random(seed: 6);
        var right = LibraryRight.Random(seed: 7);
        LibraryResult fromLibrary = LibraryMath.CanonicalProduct(left, right);
        Float32_3x5 local = fromLibrary;
        Assert.True(local == fromLibrary);
        Assert.True(local == left.Dot(right));
        Product declared = local;
        Assert.True(declared.AsReadOnlySpan().Overlaps(fromLibrary.AsReadOnlySpan()));
    }
}
