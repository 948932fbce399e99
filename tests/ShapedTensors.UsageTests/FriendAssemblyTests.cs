using ShapedTensors.UsageTests;
using Xunit;
using LocalResult = ShapedTensors.Generated.ShapedTensors.UsageTests.Float32_3x5;

// The library's own namespace: the library calls Dot on these types here too and gives this assembly its internals
// (InternalsVisibleTo), so its generated overload would be a candidate beside this assembly's (CS0121) were it not
// [Embedded], which keeps it out of every other compilation.
namespace ShapedTensors.UsageTests.Library;

public class FriendAssemblyTests
{
    [Fact]
    public void A_friend_assembly_calling_the_same_operation_in_the_same_namespace_uses_its_own_overload()
    {
        var left = LibraryLeft.Random(seed: 1);
        var right = LibraryRight.Random(seed: 2);
        var result = left.Dot(right);
        Assert.IsType<LocalResult>(result);
        Approx.Equal(LibraryMath.Product(left, right).AsReadOnlySpan(), result.AsReadOnlySpan());
    }
}
