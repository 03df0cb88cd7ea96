using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace GuidanceBot.BotFramework.Dialogs;

/// <summary>
/// One entry of the dialog stack: which dialog, and that dialog's own state as JSON. Each dialog reads
/// and writes its state through its own source-generated <see cref="JsonTypeInfo{T}"/>, so nothing
/// comes back as a <see cref="JsonElement"/> where a typed value was meant, and a step index is always an
/// <see cref="int"/> (the untyped bags broke on both: Agents-for-net #4, #88; botbuilder-dotnet #871).
/// </summary>
public sealed class DialogInstance
{
    /// <summary>The id of the dialog in its <see cref="DialogSet"/>.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>The dialog's state as written by the dialog; null before the first write.</summary>
    public JsonElement? State { get; set; }

    /// <summary>The typed object last read or written in this turn, so that all readers share one instance.</summary>
    [JsonIgnore]
    internal object? TypedState { get; set; }

    /// <summary>Reads the state as <typeparamref name="T"/>; null when nothing was written yet.</summary>
    /// <exception cref="DialogStateException">The stored state is not a <typeparamref name="T"/>.</exception>
    public T? GetState<T>(JsonTypeInfo<T> typeInfo)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        if (TypedState is T cached)
        {
            return cached;
        }

        if (State is not { } json)
        {
            return null;
        }

        try
        {
            var value = json.Deserialize(typeInfo)
                ?? throw new DialogStateException($"The state of dialog '{Id}' is null.");
            TypedState = value;
            return value;
        }
        catch (JsonException ex)
        {
            throw new DialogStateException($"The state of dialog '{Id}' cannot be read as {typeof(T).Name}.", ex);
        }
    }

    /// <summary>Writes <paramref name="value"/> as this dialog's state.</summary>
    public void SetState<T>(T value, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        State = JsonSerializer.SerializeToElement(value, typeInfo);
        TypedState = value;
    }
}
