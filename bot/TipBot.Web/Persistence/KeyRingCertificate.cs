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
    /// reason (<see cref="ValidateOnStart"/>), rather than silently storing keys unencrypted.
    /// </summary>
    public static void ProtectKeyRing(this IDataProtectionBuilder dataProtection, IConfiguration configuration)
    {
        var services = dataProtection.Services;
        services.AddOptions<KeyRingOptions>().BindConfiguration(KeyRingOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<KeyRingOptions>, Validator>();
        // Data Protection takes the certificate while services are registered, before options exist.
        var options = configuration.GetSection(KeyRingOptions.Section).Get<KeyRingOptions>() ?? new KeyRingOptions();
        if (Load(options, out _) is { } certificate)
        {
            dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }
    }

    /// <summary>Why the configured certificate cannot protect the key ring, or null when it can (or none is configured).</summary>
    public static string? Problem(KeyRingOptions options)
    {
        using var certificate = Load(options, out var problem);
        return problem;
    }

    private static X509Certificate2? Load(KeyRingOptions options, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            return null;
        }
        var path = Path.GetFullPath(options.CertificatePath);
        if (!File.Exists(path))
        {
            problem = $"{KeyRingOptions.Section}:CertificatePath: no file at {path}";
            return null;
        }
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, options.CertificatePassword);
        }
        catch (CryptographicException e)
        {
            problem = $"{KeyRingOptions.Section}:CertificatePath: {path} is not a PKCS#12 (.pfx) file that this password opens ({e.Message})";
            return null;
        }
        using var privateKey = certificate.GetRSAPrivateKey();
        if (privateKey is null)
        {
            certificate.Dispose();
            problem = $"{KeyRingOptions.Section}:CertificatePath: {path} holds no RSA private key; Data Protection needs one to read its keys back";
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
