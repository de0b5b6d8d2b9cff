using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Domain.Receptions;

namespace OpenAlmaty.FrontOffice.Application.Receptions;

/// <summary>
/// Turns an IIN into a keyed hash (HMAC-SHA256): equal IINs match for the weekly limit and the
/// no-show count, while a copy of the database alone reveals no number. The key is made once in
/// <c>&lt;data&gt;/iin-key</c> (owner-only); back it up with the database.
/// </summary>
public sealed class IinHasher(IOptions<FrontOfficeOptions> options)
{
    public const string KeyFile = "iin-key";
    private byte[]? _key;
    private readonly Lock _lock = new();

    public string Hash(Iin iin)
    {
        using var hmac = new HMACSHA256(Key());
        return Convert.ToHexString(hmac.ComputeHash(Encoding.ASCII.GetBytes(iin.Digits)));
    }

    private byte[] Key()
    {
        lock (_lock)
        {
            if (_key is not null)
            {
                return _key;
            }

            var path = Path.Combine(options.Value.DataDirectory, KeyFile);
            if (!File.Exists(path))
            {
                Directory.CreateDirectory(options.Value.DataDirectory);
                var fresh = RandomNumberGenerator.GetBytes(32);
                using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
                {
                    file.Write(fresh);
                }

                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }
            }

            return _key = File.ReadAllBytes(path);
        }
    }
}
