using System.IO.Compression;
using System.Text.Json.Nodes;
using GuidanceBot.Guidance.Flows;
using GuidanceBot.Packaging;
using GuidanceBot.Testing;

namespace GuidanceBot.IntegrationTests.Packaging;

public sealed class TeamsAppPackagerTests : IDisposable
{
    private static readonly Guid AppId = Guid.Parse("5d0a5c1e-8f7e-4a63-9a41-1d2f3c4b5a60");
    private static readonly Guid BotId = Guid.Parse("7e1b6d2f-9a8f-4b74-8b52-2e3f4d5c6b71");

    private readonly string _output = Path.Combine(Path.GetTempPath(), "guidancebot-package-" + Guid.NewGuid().ToString("N"));

    private static string ManifestFolder => Path.Combine(RepoPaths.Root, "manifest");

    private static string Schema => RepoPaths.SharedFile("schemas", "teams-manifest-1.29.json");

    public void Dispose()
    {
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }
    }

    [Fact]
    public void RepositoryManifest_ValidatesAgainstSchema()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(ManifestFolder, "manifest.json")))!.AsObject();

        var problems = TeamsAppPackager.ValidateSchema(manifest, Schema);

        Assert.Empty(problems);
    }

    [Fact]
    public void RepositoryManifest_OffersTheFlowsOnlyWhereTheyRun()
    {
        // The flows run only in a personal chat (GuidanceBotHandler): a group's command menu must not offer them.
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(ManifestFolder, "manifest.json")))!.AsObject();
        var lists = manifest["bots"]![0]!["commandLists"]!.AsArray()
            .Select(list => (Scopes: list!["scopes"]!.AsArray().Select(s => (string)s!).ToList(),
                Titles: list["commands"]!.AsArray().Select(c => (string)c!["title"]!).ToList()))
            .ToList();

        var personal = Assert.Single(lists, l => l.Scopes.Contains("personal"));
        Assert.All(FlowCatalog.All, flow => Assert.Contains(flow.Command, personal.Titles));
        Assert.All(lists.Where(l => l.Scopes.Intersect(["team", "groupChat"]).Any()), group =>
            Assert.DoesNotContain(group.Titles, title => FlowCatalog.ByCommand(title) is not null));
        Assert.Equal(["groupChat", "personal", "team"], lists.SelectMany(l => l.Scopes).Order());
    }

    [Fact]
    public void ValidateSchema_NameTooLong_IsReported()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(ManifestFolder, "manifest.json")))!.AsObject();
        manifest["name"]!["short"] = new string('x', 31);

        var problems = TeamsAppPackager.ValidateSchema(manifest, Schema);

        Assert.NotEmpty(problems);
    }

    [Fact]
    public void Create_ValidIds_WritesZipWithManifestAndIconsAtRoot()
    {
        var zipPath = Path.Combine(_output, "guidancebot.zip");

        var problems = TeamsAppPackager.Create(Request(zipPath));

        Assert.Empty(problems);
        using var zip = ZipFile.OpenRead(zipPath);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order());
        using var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open());
        var manifest = JsonNode.Parse(reader.ReadToEnd())!.AsObject();
        Assert.Equal(AppId.ToString(), (string?)manifest["id"]);
        Assert.Equal("2.3.4", (string?)manifest["version"]);
        Assert.Equal(BotId.ToString(), (string?)manifest["bots"]![0]!["botId"]);
        Assert.Equal(BotId.ToString(), (string?)manifest["composeExtensions"]![0]!["botId"]);
        Assert.Contains("bot.zorg.example", manifest["validDomains"]!.AsArray().Select(d => (string?)d));
        Assert.Empty(TeamsAppPackager.ValidateSchema(manifest, Schema));
    }

    [Theory]
    [InlineData("00000000-0000-0000-0000-000000000000", "7e1b6d2f-9a8f-4b74-8b52-2e3f4d5c6b71", "1.0.0", "app id")]
    [InlineData("5d0a5c1e-8f7e-4a63-9a41-1d2f3c4b5a60", "00000000-0000-0000-0000-000000000000", "1.0.0", "bot id")]
    [InlineData("5d0a5c1e-8f7e-4a63-9a41-1d2f3c4b5a60", "7e1b6d2f-9a8f-4b74-8b52-2e3f4d5c6b71", "1.0", "version")]
    public void Create_BadInput_ReportsProblemAndWritesNoZip(string appId, string botId, string version, string expected)
    {
        var zipPath = Path.Combine(_output, "guidancebot.zip");

        var problems = TeamsAppPackager.Create(Request(zipPath) with { AppId = Guid.Parse(appId), BotId = Guid.Parse(botId), Version = version });

        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
        Assert.False(File.Exists(zipPath));
    }

    [Fact]
    public void Create_ManifestFailingSchema_WritesNoZip()
    {
        var folder = Path.Combine(_output, "broken");
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(ManifestFolder, "*.png"))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(ManifestFolder, "manifest.json")))!.AsObject();
        manifest["accentColor"] = "blue";
        File.WriteAllText(Path.Combine(folder, "manifest.json"), manifest.ToJsonString());
        var zipPath = Path.Combine(_output, "broken.zip");

        var problems = TeamsAppPackager.Create(Request(zipPath) with { ManifestFolder = folder });

        Assert.Contains(problems, p => p.Contains("accentColor", StringComparison.Ordinal));
        Assert.False(File.Exists(zipPath));
    }

    [Fact]
    public void Icons_HaveTeamsSizes_AndOutlineIsWhiteOnTransparent()
    {
        var color = PngImage.Read(Path.Combine(ManifestFolder, "color.png"));
        var outline = PngImage.Read(Path.Combine(ManifestFolder, "outline.png"));

        Assert.Equal((192, 192), (color.Width, color.Height));
        Assert.Equal((32, 32), (outline.Width, outline.Height));
        var pixels = Enumerable.Range(0, 32).SelectMany(y => Enumerable.Range(0, 32).Select(x => outline.Pixel(x, y))).ToList();
        Assert.All(pixels.Where(p => p.A > 0), p => Assert.Equal((255, 255, 255), (p.R, p.G, p.B)));
        Assert.Contains(pixels, p => p.A == 0);
        Assert.Contains(pixels, p => p.A == 255);
    }

    private static TeamsAppPackageRequest Request(string zipPath) =>
        new(AppId, BotId, "2.3.4", ManifestFolder, Schema, zipPath, "bot.zorg.example");
}
