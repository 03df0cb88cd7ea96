using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace GuidanceBot.Testing;

/// <summary>What a node script printed, and how it ended.</summary>
public sealed record NodeScriptResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>
    /// The JSON object on the last non-empty line of stdout: the browser scripts in <c>tests/e2e/</c>
    /// print their result there. Fails the test with both streams when there is none.
    /// </summary>
    public JsonObject Json()
    {
        var last = StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .LastOrDefault();
        try
        {
            if (last is not null && JsonNode.Parse(last) is JsonObject result)
            {
                return result;
            }
        }
        catch (System.Text.Json.JsonException)
        {
        }

        Assert.Fail($"The node script printed no JSON result (exit code {ExitCode}).\nstdout:\n{StandardOutput}\nstderr:\n{StandardError}");
        throw new UnreachableException();
    }
}

/// <summary>Runs the node scripts under <c>tests/e2e/</c> from the repository root, with a hard time limit.</summary>
public static class NodeScript
{
    /// <summary>
    /// Runs <c>node tests/e2e/&lt;script&gt; args…</c>. The script and every process it started (chromium)
    /// are killed when <paramref name="timeout"/> passes; the test then fails with what it printed.
    /// </summary>
    public static async Task<NodeScriptResult> RunAsync(
        string script, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(ToolRequirement.Node())
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(Path.Combine(RepoPaths.Root, "tests", "e2e", script));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start node for {script}.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken).WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            throw new TimeoutException(
                $"node {script} did not finish within {timeout.TotalSeconds:0} s and was killed.\nstdout:\n{await stdout}\nstderr:\n{await stderr}");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        return new NodeScriptResult(process.ExitCode, await stdout, await stderr);
    }
}
