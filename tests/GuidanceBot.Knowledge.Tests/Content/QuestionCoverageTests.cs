namespace GuidanceBot.Knowledge.Tests.Content;

public sealed class QuestionCoverageTests
{
    [Fact]
    public void DevQuestions_WithExpectations_AreEachAnsweredBySomePassage()
    {
        var passages = KnowledgeCorpus.Documents.SelectMany(d => d.Passages).Select(p => p.SearchableText).ToList();
        var questions = DevQuestion.LoadAll().Where(q => q.HasExpectations).ToList();

        var uncovered = questions.Where(q => !passages.Any(q.IsAnsweredBy)).Select(q => q.Id).ToList();

        Assert.NotEmpty(questions);
        Assert.True(uncovered.Count == 0, "No passage meets the expectations of: " + string.Join(", ", uncovered));
    }

    [Theory]
    [InlineData("Wat is **sextortion**?", "Afpersing met beelden.", "sextortion", "afpersing")]
    [InlineData("Bellen", "Bel **Veilig**\nThuis:   0800-2000.", "veilig thuis", "0800-2000")]
    public void SearchableText_BoldAndLineBreaks_AreMatchedAsPlainText(
        string heading, string text, string expectAll, string expectAny)
    {
        var section = new Section(2, heading, [.. text.Split('\n'), "Bron: https://example.org/"]);
        var question = new DevQuestion("t", "?", [expectAny], [expectAll]);

        var answered = question.IsAnsweredBy(section.SearchableText);

        Assert.True(answered, section.SearchableText);
    }
}
