using System.Net;

namespace HrcCommunity.Domain.Common;

/// <summary>How per-address limits group clients.</summary>
public static class ClientAddress
{
    /// <summary>
    /// An IPv4 client by its full address; an IPv6 client by its /64, because one subscriber is usually handed a
    /// whole /64 and could otherwise take a fresh address for every request.
    /// </summary>
    public static string Bucket(IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"{new IPAddress(bytes)}/64";
    }

    /// <summary>The bucket of an address given as text; text that is no address is its own bucket.</summary>
    public static string Bucket(string? address) =>
        IPAddress.TryParse(address, out var parsed) ? Bucket(parsed) : address ?? "unknown";
}
