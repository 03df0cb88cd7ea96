using GuidanceBot.Guidance.Flows;
using GuidanceBot.Guidance.Flows.Melden;
using GuidanceBot.IntegrationTests.Infrastructure;
using GuidanceBot.Testing;
using Microsoft.Data.Sqlite;
using static GuidanceBot.Testing.ExpectedReply;

namespace GuidanceBot.IntegrationTests.Flows;

/// <summary>A flow survives a restart: state lives in the SQLite file, not in the process.</summary>
public sealed class RestartTests : IDisposable
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "guidancebot-restart-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataFolder))
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
    }

    [Fact]
    public async Task Flow_HalfDoneOnOneInstance_ContinuesOnNewInstanceOverSameSqliteFile()
    {
        ScriptRunner runner;
        using (var first = NewHost())
        {
            runner = new ScriptRunner(first.CreateClient(), "conv-restart");
            await runner.RunAsync(
            [
                new Say("melden", Card("melden.acuteDanger")),
                new Click("melden.acuteDanger", FlowTexts.No, Card("melden.steps")),
            ]);
        }

        SqliteConnection.ClearAllPools();
        using var second = NewHost();
        var resumed = runner.WithClient(second.CreateClient());

        await resumed.RunAsync(
        [
            new Click("melden.steps", FlowTexts.Next, Card("melden.afweging")),
            new Click("melden.afweging", FlowTexts.Next, Card("melden.comensha"))
            {
                Inputs = new Dictionary<string, string> { ["afweging1"] = "ja", ["afweging2"] = "ja", ["afweging3"] = "ja", ["afweging4"] = "ja", ["afweging5"] = "ja" },
            },
            new Click("melden.comensha", FlowTexts.No, Card("melden.police")),
            new Click("melden.police", MeldenTexts.PoliceNuNiet, Card(MeldenSummaryCard.Id)),
        ]);
        Assert.True(File.Exists(Path.Combine(_dataFolder, "state.db")));
    }

    private BotApplicationFactory NewHost()
    {
        var factory = new BotApplicationFactory();
        factory.Settings["Storage:Provider"] = "Sqlite";
        factory.Settings["Storage:Path"] = _dataFolder;
        return factory;
    }
}
