using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using TipBot.Hosting;

namespace TipBot.Persistence;

/// <summary>
/// Keyed hashes (HMAC-SHA256) for channel identifiers: the database can link a user's messages without
/// holding their phone number, and a plain hash would be reversible by trying every phone number.
/// The key lives in the data directory (or <c>TipBot:PseudonymKey</c>), never in the database.
/// </summary>
public sealed class Pseudonymizer
{
    private readonly byte[] _key;

    public Pseudonymizer(IOptions<TipBotOptions> options, IConfiguration configuration)
    {
        var configured = configuration["TipBot:PseudonymKey"];
        _key = string.IsNullOrEmpty(configured) ? LoadOrCreateKey(options.Value.ResolveDataDirectory()) : Convert.FromBase64String(configured);
    }

    public string Pseudonym(string value)
    {
        Span<byte> hash = stackalloc byte[32];
        HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(value), hash);
        return Convert.ToBase64String(hash[..24]).Replace('+', '-').Replace('/', '_');
    }

    private static byte[] LoadOrCreateKey(string dataDirectory)
    {
        var file = Path.Combine(dataDirectory, "pseudonym.key");
        if (File.Exists(file))
        {
            return Convert.FromBase64String(File.ReadAllText(file).Trim());
        }
        Directory.CreateDirectory(dataDirectory);
        var key = RandomNumberGenerator.GetBytes(32);
        File.WriteAllText(file, Convert.ToBase64String(key));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return key;
    }
}
