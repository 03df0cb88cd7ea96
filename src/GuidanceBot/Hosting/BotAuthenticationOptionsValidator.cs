using GuidanceBot.BotFramework.Auth;
using Microsoft.Extensions.Options;

namespace GuidanceBot.Hosting;

/// <summary>
/// Fails start-up with every problem <see cref="BotAuthenticationOptions.Validate"/> finds, so the operator reads
/// which setting is wrong in the error itself. The problems name settings, never their values (one is a secret).
/// </summary>
internal sealed class BotAuthenticationOptionsValidator : IValidateOptions<BotAuthenticationOptions>
{
    public ValidateOptionsResult Validate(string? name, BotAuthenticationOptions options)
    {
        var problems = options.Validate();
        return problems.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(problems.Select(problem => $"Invalid Bot Framework settings: {problem}"));
    }
}
