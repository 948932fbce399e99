// Eigen's fixed-size products for the benchmark cases, as a C++ programmer would write them: the anchors of
// docs/PERFORMANCE.md. Built by benchmarks/run.sh with Debian's libeigen3-dev:
//   g++ -O3 -march=native -DNDEBUG -shared -fPIC -I/usr/include/eigen3 eigen_anchors.cpp -o libshapedtensors_eigen.so
// Each entry runs its product `repetitions` times (so that a call from .NET costs nothing per product).
#include <Eigen/Dense>

namespace {

template <int M, int K, int N>
void batched(const float* x, const float* y, float* out, long batch, long repetitions)
{
    using X = Eigen::Matrix<float, M, K, M == 1 ? Eigen::ColMajor : Eigen::RowMajor>;
    using Y = Eigen::Matrix<float, K, N, K == 1 ? Eigen::ColMajor : Eigen::RowMajor>;
    using Out = Eigen::Matrix<float, M, N, M == 1 ? Eigen::ColMajor : Eigen::RowMajor>;
    for (long r = 0; r < repetitions; r++)
    {
        for (long b = 0; b < batch; b++)
        {
            Eigen::Map<Out>(out + b * M * N).noalias() = Eigen::Map<const X>(x + b * M * K) * Eigen::Map<const Y>(y + b * K * N);
        }
    }
}

} // namespace

extern "C" {

// The cases, by id: 0: 4x4, 1: 8x8, 2: 16x16, 3: 32x32 (one product each); 4: the seed BatchDot, 120 products of
// [4x5].[5x8]; 5: the seed MatMul, 504 products of [4x2].[2x5]. Returns 0, or -1 for an unknown id.
int shapedtensors_eigen_run(int id, const float* x, const float* y, float* out, long repetitions)
{
    switch (id)
    {
        case 0: batched<4, 4, 4>(x, y, out, 1, repetitions); return 0;
        case 1: batched<8, 8, 8>(x, y, out, 1, repetitions); return 0;
        case 2: batched<16, 16, 16>(x, y, out, 1, repetitions); return 0;
        case 3: batched<32, 32, 32>(x, y, out, 1, repetitions); return 0;
        case 4: batched<4, 5, 8>(x, y, out, 120, repetitions); return 0;
        case 5: batched<4, 2, 5>(x, y, out, 504, repetitions); return 0;
        default: return -1;
    }
}

}
