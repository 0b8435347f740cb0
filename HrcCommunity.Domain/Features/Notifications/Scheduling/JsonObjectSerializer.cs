using System.Collections;
using System.Collections.Specialized;
using System.Text.Json;
using Quartz;
using Quartz.Spi;

namespace HrcCommunity.Domain.Features.Notifications.Scheduling;

/// <summary>
/// Quartz's persistent store must serialize job data, and its built-in serializer needs
/// BinaryFormatter, which .NET 9 removed. Our jobs keep their data to strings, so JSON does:
/// any string-keyed map is stored as a JSON object of strings.
/// </summary>
public sealed class JsonObjectSerializer : IObjectSerializer
{
    public void Initialize() { }

    public byte[] Serialize<T>(T obj) where T : class
    {
        var values = new Dictionary<string, string?>();
        switch (obj)
        {
            case NameValueCollection collection:
                foreach (var key in collection.AllKeys.OfType<string>()) values[key] = collection[key];
                break;
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary) values[entry.Key.ToString()!] = entry.Value?.ToString();
                break;
            default:
                throw new NotSupportedException($"Only maps of strings are stored; {obj.GetType().Name} is not.");
        }
        return JsonSerializer.SerializeToUtf8Bytes(values);
    }

    public T? DeSerialize<T>(byte[] data) where T : class
    {
        var values = JsonSerializer.Deserialize<Dictionary<string, string?>>(data) ?? [];
        if (typeof(T).IsAssignableFrom(typeof(JobDataMap)))
        {
            var map = new JobDataMap();
            foreach (var (key, value) in values) map[key] = value!;
            return (T)(object)map;
        }
        if (typeof(T).IsAssignableFrom(typeof(NameValueCollection)))
        {
            var collection = new NameValueCollection();
            foreach (var (key, value) in values) collection[key] = value;
            return (T)(object)collection;
        }
        if (typeof(T).IsAssignableFrom(typeof(Dictionary<string, string?>))) return (T)(object)values;
        throw new NotSupportedException($"Only maps of strings are stored; {typeof(T).Name} is not.");
    }
}
