using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace TipBot.Persistence;

/// <summary>
/// The certificate named by <see cref="KeyRingOptions"/>. Data Protection encrypts each new key with it and reads the
/// key ring back with it, so a restart with the same certificate reads everything written before, and a copy of the
/// data directory without the certificate reads nothing.
/// </summary>
public static class KeyRingCertificate
{
    /// <summary>
    /// Protects the key ring with the configured certificate. A certificate that cannot be used stops start-up with the
    /// reason (the options are validated on start), rather than silently storing keys unencrypted.
    /// </summary>
    public static void ProtectKeyRing(this IDataProtectionBuilder dataProtection, IConfiguration configuration)
    {
        var services = dataProtection.Services;
        services.AddOptions<KeyRingOptions>().BindConfiguration(KeyRingOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<KeyRingOptions>, Validator>();
        // Data Protection takes the certificate while services are registered, before options exist.
        var options = configuration.GetSection(KeyRingOptions.Section).Get<KeyRingOptions>() ?? new KeyRingOptions();
        if (Load(options.CertificatePath, options.CertificatePassword, "CertificatePath", out _) is not { } current)
        {
            return;
        }
        var readers = new List<X509Certificate2> { current };
        for (var i = 0; i < options.PreviousCertificates.Count; i++)
        {
            var previous = options.PreviousCertificates[i];
            if (Load(previous.Path, previous.Password, PreviousSetting(i), out _) is { } certificate)
            {
                readers.Add(certificate);
            }
        }
        dataProtection.ProtectKeysWithCertificate(current).UnprotectKeysWithAnyCertificate([.. readers]);
    }

    /// <summary>Why the configured certificates cannot protect the key ring, or null when they can (or none is configured).</summary>
    private static string? Problem(KeyRingOptions options)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.CertificatePath) && options.PreviousCertificates.Count > 0)
        {
            problems.Add($"{KeyRingOptions.Section}:PreviousCertificates need a current certificate in {KeyRingOptions.Section}:CertificatePath");
        }
        Check(options.CertificatePath, options.CertificatePassword, "CertificatePath");
        for (var i = 0; i < options.PreviousCertificates.Count; i++)
        {
            var previous = options.PreviousCertificates[i];
            if (string.IsNullOrWhiteSpace(previous.Path))
            {
                problems.Add($"{KeyRingOptions.Section}:{PreviousSetting(i)}: no path");
            }
            Check(previous.Path, previous.Password, PreviousSetting(i));
        }
        return problems.Count == 0 ? null : string.Join("; ", problems);

        void Check(string? path, string? password, string setting)
        {
            using var certificate = Load(path, password, setting, out var problem);
            if (problem is not null)
            {
                problems.Add(problem);
            }
        }
    }

    private static string PreviousSetting(int index) => $"PreviousCertificates:{index}:Path";

    private static X509Certificate2? Load(string? configuredPath, string? password, string setting, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(configuredPath))
        {
            return null;
        }
        var path = Path.GetFullPath(configuredPath);
        var name = $"{KeyRingOptions.Section}:{setting}";
        if (!File.Exists(path))
        {
            problem = $"{name}: no file at {path}";
            return null;
        }
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }
        catch (CryptographicException e)
        {
            problem = $"{name}: {path} is not a PKCS#12 (.pfx) file that this password opens ({e.Message})";
            return null;
        }
        using var privateKey = certificate.GetRSAPrivateKey();
        if (privateKey is null)
        {
            certificate.Dispose();
            problem = $"{name}: {path} holds no RSA private key; Data Protection needs one to read its keys back";
            return null;
        }
        return certificate;
    }

    private sealed class Validator : IValidateOptions<KeyRingOptions>
    {
        public ValidateOptionsResult Validate(string? name, KeyRingOptions options) =>
            Problem(options) is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
