using TipBot.Features.Safety;

namespace TipBot.Tests.Features.Safety;

public sealed class UrgencyModelTests
{
    // Every example shares one long everyday story; one word tells the urgent ones from the calm ones. The classifier
    // trained on them must have learned that the word decides, for a new story that shares nothing else with them.
    private const string Everyday = "we took the taxi from the rank in town after church and bought bread milk sugar paraffin and airtime, "
        + "then we walked past the clinic and the school to my aunts house where the neighbours were sitting outside in the evening";

    private static readonly string[] UrgentWords = ["gun", "locked", "beaten", "kidnapped", "knife"];
    private static readonly string[] CalmWords = ["sunny", "football", "supper", "wedding", "garden"];

    private static UrgencyModel Model() => new(
        Enumerable.Range(0, UrgencyModel.MinExamples).Select(i => $"{Everyday} {i % 7} {UrgentWords[i % UrgentWords.Length]}").ToArray(),
        Enumerable.Range(0, UrgencyModel.MinExamples).Select(i => $"{Everyday} {i % 7} {CalmWords[i % CalmWords.Length]}").ToArray());

    [Fact]
    public void A_new_story_with_the_one_word_that_tells_urgent_examples_apart_is_urgent_to_the_classifier()
    {
        const string message = "yesterday my cousin phoned from a sheep farm near harrismith about the shearing season gun";

        var model = Model();

        Assert.True(model.UrgentProbability(message) >= UrgencyModel.MinProbability);
        Assert.True(model.ReadsUrgent(message, message));
    }

    [Fact]
    public void The_same_new_story_with_a_calm_word_does_not_read_urgent()
    {
        const string message = "yesterday my cousin phoned from a sheep farm near harrismith about the shearing season wedding";

        var model = Model();

        Assert.True(model.UrgentProbability(message) < 0.5f);
        Assert.False(model.ReadsUrgent(message, message));
    }
}
