using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace GuidanceBot.Knowledge.Tests.Content;

/// <summary>
/// The six front matter keys of a knowledge document. Unknown keys make parsing fail, so a typo
/// (<c>source:</c> for <c>sources:</c>) is caught instead of silently ignored.
/// </summary>
internal sealed class FrontMatter
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    public string? Id { get; set; }

    public string? Title { get; set; }

    public string? Theme { get; set; }

    public List<string>? Audience { get; set; }

    public List<string>? Sources { get; set; }

    public string? Checked { get; set; }

    public static FrontMatter Parse(string yaml) => Deserializer.Deserialize<FrontMatter?>(yaml) ?? new FrontMatter();
}
