// Every shape the benchmarks use. Each call site of Dot/BatchDot/MatMul on these types gets its own
// generated kernel (see obj/<config>/net10.0/generated/**/*.Kernels.*.g.cs).
using ShapedTensors;

namespace ShapedTensors.Benchmarks;

// The seed: BatchDot/MatMul (10,12,4,5)·(10,12,5,8) and (9,8,7,4,2)·(9,8,7,2,5).
[Tensor(10, 12, 4, 5)] public partial struct SeedW;
[Tensor(10, 12, 5, 8)] public partial struct SeedK;
[Tensor(9, 8, 7, 4, 2)] public partial struct SeedE;
[Tensor(9, 8, 7, 2, 5)] public partial struct SeedF;

// Square float32 matrices, and one float64 size.
[Tensor(4, 4)] public partial struct F32x4;
[Tensor(8, 8)] public partial struct F32x8;
[Tensor(16, 16)] public partial struct F32x16;
[Tensor(32, 32)] public partial struct F32x32;
[Tensor(64, 64)] public partial struct F32x64;
[Tensor(128, 128)] public partial struct F32x128;
[Tensor(256, 256)] public partial struct F32x256;
[Tensor(512, 512)] public partial struct F32x512;
[Tensor(1024, 1024)] public partial struct F32x1024;
[Tensor<double>(256, 256)] public partial struct F64x256;

// Batched small: 1000 × (16×16·16×16).
[Tensor(1000, 16, 16)] public partial struct Batch16;

// An N-D Dot, (2,3,4)·(7,4,5) scaled up: (8,16,32)·(16,32,64) -> (8,16,16,64).
[Tensor(8, 16, 32)] public partial struct NdX;
[Tensor(16, 32, 64)] public partial struct NdY;

// Output width 1 (the former cliffs): matrix · vector and a dot product as (1, K) · (K, 1).
[Tensor(1024, 1)] public partial struct Column1024;
[Tensor(1, 4096)] public partial struct Row4096;
[Tensor(4096, 1)] public partial struct Column4096;

// Partially known shapes (issue 10): the same products with a batch size known only at run time, against the fully
// known types of the same run-time sizes (PartialBenchmarks).
[Tensor("b", 12, 4, 5)] public partial struct PartialSeedW;
[Tensor("b", 12, 5, 8)] public partial struct PartialSeedK;
[Tensor("batch", 784)] public partial struct PartialInput;
[Tensor(784, 128)] public partial struct Dense784x128;
[Tensor(32, 784)] public partial struct Input32;
[Tensor(1024, 784)] public partial struct Input1024;
