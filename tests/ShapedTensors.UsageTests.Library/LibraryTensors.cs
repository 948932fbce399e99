using ShapedTensors;

namespace ShapedTensors.UsageTests.Library;

/// <summary>A (3, 4) tensor declared in this library.</summary>
[Tensor(3, 4)]
public partial struct LibraryLeft;

/// <summary>A (4, 5) tensor declared in this library, as a class.</summary>
[Tensor(4, 5)]
public partial class LibraryRight;

/// <summary>Uses the types inside the library too, so the library has its own (internal) specialized overloads.</summary>
public static class LibraryMath
{
    /// <summary>Dot of the two library types, computed by this library's own kernel; returned as a dynamic tensor.</summary>
    public static DynamicTensor<float> Product(LibraryLeft left, LibraryRight right) => left.Dot(right).ToDynamic();

    /// <summary>The same product, returned as this library's canonical result type, which is public here (ShapedTensorsPublicResultTypes).</summary>
    public static ShapedTensors.Generated.ShapedTensors.UsageTests.Library.Float32_3x5 CanonicalProduct(LibraryLeft left, LibraryRight right) => left.Dot(right);
}
