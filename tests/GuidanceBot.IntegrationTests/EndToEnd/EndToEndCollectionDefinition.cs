namespace GuidanceBot.IntegrationTests.EndToEnd;

/// <summary>
/// End-to-end tests run one at a time (each starts a node process, some a chromium): on a 2-core machine,
/// two at once only make each other slow. They still run beside the other test classes.
/// </summary>
[CollectionDefinition(Name)]
public sealed class EndToEndCollectionDefinition
{
    public const string Name = "EndToEnd";
}
