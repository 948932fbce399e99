using ShapedTensors;

namespace Digits;

// The model's shapes. "batch" is a size known only at run time (Keras' None): 64 in training, fewer in the last batch
// of an epoch, the whole test set in evaluation. Every other size is checked at compile time.

/// <summary>A batch of images, 64 pixels each.</summary>
[Tensor("batch", 64)] public partial struct Images;

/// <summary>The labels of a batch, one-hot: row i is 1 at its digit and 0 elsewhere.</summary>
[Tensor("batch", 10)] public partial struct OneHot;

/// <summary>The hidden layer's values for a batch (and their gradients).</summary>
[Tensor("batch", 32)] public partial struct Hidden;

/// <summary>The output layer's values for a batch: logits, probabilities and their gradients.</summary>
[Tensor("batch", 10)] public partial struct Scores;

/// <summary>The first layer's weights: 64 pixels to 32 hidden units.</summary>
[Tensor(64, 32)] public partial struct W1;

/// <summary>The first layer's biases.</summary>
[Tensor(32)] public partial struct B1;

/// <summary>The second layer's weights: 32 hidden units to 10 classes.</summary>
[Tensor(32, 10)] public partial struct W2;

/// <summary>The second layer's biases.</summary>
[Tensor(10)] public partial struct B2;
