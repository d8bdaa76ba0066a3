namespace TipBot.Features.Understanding;

/// <summary>
/// Multinomial logistic regression over a <see cref="TopicIndex"/>'s TF-IDF vectors, trained when the index is built.
/// Nearest examples weigh every shared n-gram by its rarity alone; a trained model learns which features tell topics
/// apart ("a new contract" from "a contract", a forwarded job advert from a loan advert). Measured on English held-out
/// sets (README, "How topics are ranked"): added to the nearest-example score it gained on every set. ML.NET's
/// trainers were measured before on their own featurisation and lost; this one reuses the index's features and
/// trains in a fraction of a second. Weights are stored feature-major, so a message's few features read contiguous rows.
/// </summary>
internal sealed class TopicClassifier
{
    private const int Epochs = 15;
    private const float LearningRate = 1f;
    private const float LearningRateDecay = 0.2f;
    private const float BiasRate = 0.1f;
    private const float NegligibleGradient = 1e-4f;
    private const int Seed = 1;

    private readonly float[] _weights;
    private readonly float[] _bias;
    private readonly int _classes;

    private TopicClassifier(float[] weights, float[] bias)
    {
        _weights = weights;
        _bias = bias;
        _classes = bias.Length;
    }

    /// <summary>Trains by stochastic gradient descent in a fixed order (a seeded shuffle): the same examples always give
    /// the same model.</summary>
    public static TopicClassifier Train(IReadOnlyList<(int Feature, float Weight)[]> documents, IReadOnlyList<int> labels, int classes, int features)
    {
        var weights = new float[features * classes];
        var bias = new float[classes];
        var model = new TopicClassifier(weights, bias);
        var order = Enumerable.Range(0, documents.Count).ToArray();
        var random = new Random(Seed);
        var gradient = new float[classes];
        for (var epoch = 0; epoch < Epochs; epoch++)
        {
            random.Shuffle(order);
            var rate = LearningRate / (1 + epoch * LearningRateDecay);
            foreach (var d in order)
            {
                var document = documents[d];
                model.Probabilities(document, 1f, gradient);
                gradient[labels[d]] -= 1;
                foreach (var (feature, value) in document)
                {
                    var row = weights.AsSpan(feature * classes, classes);
                    for (var k = 0; k < classes; k++)
                    {
                        if (Math.Abs(gradient[k]) >= NegligibleGradient)
                        {
                            row[k] -= rate * gradient[k] * value;
                        }
                    }
                }
                for (var k = 0; k < classes; k++)
                {
                    bias[k] -= rate * BiasRate * gradient[k];
                }
            }
        }
        return model;
    }

    /// <summary>Each class's probability for a sparse vector whose weights are multiplied by <paramref name="scale"/>.</summary>
    public void Probabilities(ReadOnlySpan<(int Feature, float Weight)> vector, float scale, Span<float> probabilities)
    {
        _bias.CopyTo(probabilities);
        foreach (var (feature, weight) in vector)
        {
            var row = _weights.AsSpan(feature * _classes, _classes);
            var value = weight * scale;
            for (var k = 0; k < _classes; k++)
            {
                probabilities[k] += row[k] * value;
            }
        }
        var max = float.MinValue;
        foreach (var logit in probabilities)
        {
            max = Math.Max(max, logit);
        }
        var sum = 0f;
        for (var k = 0; k < _classes; k++)
        {
            probabilities[k] = MathF.Exp(probabilities[k] - max);
            sum += probabilities[k];
        }
        for (var k = 0; k < _classes; k++)
        {
            probabilities[k] /= sum;
        }
    }
}
