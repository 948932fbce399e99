using ShapedTensors;

namespace ShapedTensors.UsageTests;

[Tensor(3, 4)] public partial struct Left;
[Tensor(4, 5)] public partial struct Right;
[Tensor(3, 5)] public partial struct Product;
[Tensor(5, 6)] public partial class Third;
[Tensor(10, 12, 4, 5)] public partial struct W;
[Tensor(10, 12, 5, 8)] public partial struct K;
[Tensor(32, 20)] public partial struct Pair;
[Tensor(4, 4)] public partial struct Square;
[Tensor(3, 2)] public partial struct Tall;
[Tensor(3, 4)] public partial struct Wide;
[Tensor<double>(5, 3, 2)] public partial struct DoubleLeft;
[Tensor<double>(5, 4, 3)] public partial struct DoubleRight;

public static partial class Outer
{
    [Tensor(2, 3)] public partial struct Nested;
}

// Sizes known only at run time (PARTIAL_SHAPES.md): a name, an unknown dimension, a repeated name, a known 0.
[Tensor("batch", 784)] public partial struct MnistBatch;
[Tensor<double>("?", "t", 4)] public partial class Seq;
[Tensor("n", "n")] public readonly partial struct AnySquare;
[Tensor("?", 0)] public partial struct NoColumns;
[Tensor(2, 784)] public partial struct MnistPair;
