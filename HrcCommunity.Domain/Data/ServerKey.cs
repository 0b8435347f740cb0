using System.ComponentModel.DataAnnotations;

namespace HrcCommunity.Domain.Data;

/// <summary>One of the server's secret keys, kept in the database when several instances must use the same one.</summary>
public sealed class ServerKey
{
    [Key, MaxLength(100)]
    public string Name { get; set; } = "";

    /// <summary>Base64, as the key files hold it.</summary>
    [MaxLength(100)]
    public string Value { get; set; } = "";
}
