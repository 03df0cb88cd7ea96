using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GuidanceBot.BotFramework.Storage;

/// <summary>Registers the configured <see cref="IStorage"/>.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IStorage"/> as a singleton chosen by <see cref="StorageOptions.Provider"/>.
    /// The host binds the options: <c>services.AddBotStorage().Bind(configuration.GetSection("Storage"))</c>.
    /// A relative <see cref="StorageOptions.Path"/> is resolved against the content root.
    /// </summary>
    public static OptionsBuilder<StorageOptions> AddBotStorage(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IStorage>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
            var time = provider.GetRequiredService<TimeProvider>();
            return options.Provider switch
            {
                StorageProvider.Memory => new MemoryStorage(time),
                _ => new SqliteStorage(DatabasePath(options, provider.GetService<IHostEnvironment>()), time),
            };
        });
        return services.AddOptions<StorageOptions>()
            .Validate(o => Enum.IsDefined(o.Provider), "Storage:Provider must be Sqlite or Memory.")
            .Validate(o => o.Provider != StorageProvider.Sqlite || !string.IsNullOrWhiteSpace(o.Path),
                "Storage:Path must name a folder for the SQLite file.")
            .ValidateOnStart();
    }

    /// <summary>The SQLite file for <paramref name="options"/>: <c>{Path}/state.db</c>, relative to the content root.</summary>
    public static string DatabasePath(StorageOptions options, IHostEnvironment? environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        var root = environment?.ContentRootPath ?? AppContext.BaseDirectory;
        var folder = System.IO.Path.IsPathRooted(options.Path) ? options.Path : System.IO.Path.Combine(root, options.Path);
        return System.IO.Path.Combine(folder, SqliteStorage.DefaultFileName);
    }
}
