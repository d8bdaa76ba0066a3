namespace TipBot.Persistence;

/// <summary>
/// How the Data Protection key ring (the keys that encrypt message text, notes and callback numbers) is itself protected
/// at rest. Without a certificate the keys are stored as plain XML in the data directory's <c>keys/</c> folder, so
/// anyone who can read that folder can read every message.
/// </summary>
public sealed class KeyRingOptions
{
    public const string Section = "TipBot:KeyRing";

    /// <summary>A PKCS#12 (.pfx) file holding a certificate and its private key; empty: keys stay unencrypted.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The .pfx file's password. A secret: set it in the environment (<c>TipBot__KeyRing__CertificatePassword</c>).</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>
    /// Certificates that protected the key ring before the current one: keys they encrypted can still be read, new keys
    /// use <see cref="CertificatePath"/>. Remove one once every key it protected has expired.
    /// </summary>
    public List<PreviousCertificate> PreviousCertificates { get; set; } = [];

    public sealed class PreviousCertificate
    {
        public string? Path { get; set; }

        public string? Password { get; set; }
    }
}
