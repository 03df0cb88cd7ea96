using Microsoft.Extensions.Options;

namespace GuidanceBot.Hosting;

/// <summary>
/// Fails start-up with every problem a settings class reports about itself, one failure per problem, so that the
/// operator reads each wrong setting by name in the error (rather than one sentence covering several settings).
/// </summary>
internal sealed class SettingsProblemsValidator<TOptions>(Func<TOptions, IEnumerable<string>> findProblems)
    : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var problems = findProblems(options).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
