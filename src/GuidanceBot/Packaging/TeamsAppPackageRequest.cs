namespace GuidanceBot.Packaging;

/// <summary>What goes into one Teams app package.</summary>
/// <param name="AppId">The Teams app id (a GUID of your choice, stable across versions).</param>
/// <param name="BotId">The bot's Microsoft App Id (the Azure Bot registration).</param>
/// <param name="Version">Semantic version of the package; Teams requires it to grow with each upload.</param>
/// <param name="ManifestFolder">Folder with <c>manifest.json</c> and the icons it names.</param>
/// <param name="SchemaPath">The Teams manifest JSON schema the result is validated against.</param>
/// <param name="OutputPath">Where the zip is written.</param>
/// <param name="BotDomain">Host name of the bot, added to <c>validDomains</c> when given.</param>
public sealed record TeamsAppPackageRequest(
    Guid AppId,
    Guid BotId,
    string Version,
    string ManifestFolder,
    string SchemaPath,
    string OutputPath,
    string? BotDomain);
