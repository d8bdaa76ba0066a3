using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TipBot.Features.Conversations;
using TipBot.Persistence;
using TipBot.Tests.Support;

namespace TipBot.Tests.Persistence;

/// <summary>The Data Protection key ring, which decides who can read the encrypted message text.</summary>
public sealed class KeyRingTests
{
    private const string Password = "correct horse battery staple";
    private const string Text = "my cousin Lineo Mokhothu in Bethlehem took my passport";

    [Fact]
    public async Task With_a_certificate_keys_are_stored_encrypted_and_a_restart_with_it_reads_earlier_messages()
    {
        using var data = new TempDirectory();
        using var secrets = new TempDirectory();
        var certificate = WriteCertificate(secrets.Path, withPrivateKey: true);

        string stored;
        await using (var before = WithCertificate(data.Path, certificate))
        {
            stored = await SayAndReadStoredTextAsync(before, Text);
        }

        var keyFiles = Directory.GetFiles(Path.Combine(data.Path, "keys"), "*.xml");
        Assert.NotEmpty(keyFiles);
        Assert.All(keyFiles, file =>
        {
            var xml = File.ReadAllText(file);
            Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        });
        await using var after = WithCertificate(data.Path, certificate);
        Assert.Equal(Text, after.Services.GetRequiredService<TranscriptRecorder>().Unprotect(stored));
    }

    [Fact]
    public async Task A_copy_of_the_data_folder_without_the_certificate_cannot_read_the_messages()
    {
        using var data = new TempDirectory();
        using var secrets = new TempDirectory();
        string stored;
        await using (var before = WithCertificate(data.Path, WriteCertificate(secrets.Path, withPrivateKey: true)))
        {
            stored = await SayAndReadStoredTextAsync(before, Text);
        }

        await using var without = new TipBotFactory(data.Path);
        var recorder = without.Services.GetRequiredService<TranscriptRecorder>();

        Assert.ThrowsAny<CryptographicException>(() => recorder.Unprotect(stored));
    }

    [Fact]
    public async Task After_a_certificate_change_the_previous_certificate_still_reads_earlier_messages()
    {
        using var data = new TempDirectory();
        using var oldSecrets = new TempDirectory();
        using var newSecrets = new TempDirectory();
        var oldCertificate = WriteCertificate(oldSecrets.Path, withPrivateKey: true);
        var newCertificate = WriteCertificate(newSecrets.Path, withPrivateKey: true);
        string stored;
        await using (var before = WithCertificate(data.Path, oldCertificate))
        {
            stored = await SayAndReadStoredTextAsync(before, Text);
        }

        await using (var withoutPrevious = WithCertificate(data.Path, newCertificate))
        {
            var recorder = withoutPrevious.Services.GetRequiredService<TranscriptRecorder>();
            Assert.ThrowsAny<CryptographicException>(() => recorder.Unprotect(stored));
        }
        await using var after = WithCertificate(data.Path, newCertificate);
        after.Settings["TipBot:KeyRing:PreviousCertificates:0:Path"] = oldCertificate;
        after.Settings["TipBot:KeyRing:PreviousCertificates:0:Password"] = Password;

        Assert.Equal(Text, after.Services.GetRequiredService<TranscriptRecorder>().Unprotect(stored));
    }

    [Fact]
    public void A_previous_certificate_that_cannot_be_read_stops_start_up_with_its_setting_named()
    {
        using var data = new TempDirectory();
        using var secrets = new TempDirectory();
        using var factory = WithCertificate(data.Path, WriteCertificate(secrets.Path, withPrivateKey: true));
        factory.Settings["TipBot:KeyRing:PreviousCertificates:0:Path"] = secrets.Combine("old.pfx");

        var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("TipBot:KeyRing:PreviousCertificates:0:Path: no file at", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task The_key_folder_is_readable_by_the_service_user_only_even_when_it_existed_before()
    {
        using var data = new TempDirectory();
        var keys = Directory.CreateDirectory(Path.Combine(data.Path, "keys"));
        keys.UnixFileMode = (UnixFileMode)0b111_101_101;

        await using var factory = new TipBotFactory(data.Path);
        await SayAndReadStoredTextAsync(factory, Text);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(keys.FullName));
        Assert.NotEmpty(Directory.GetFiles(keys.FullName, "*.xml"));
    }

    [Theory]
    [InlineData("missing", "no file at")]
    [InlineData("public-only", "holds no RSA private key")]
    [InlineData("wrong-password", "not a PKCS#12 (.pfx) file that this password opens")]
    public async Task A_certificate_that_cannot_protect_the_keys_stops_start_up_with_the_reason(string kind, string reason)
    {
        using var data = new TempDirectory();
        using var secrets = new TempDirectory();
        var path = kind == "missing" ? secrets.Combine("nowhere.pfx") : WriteCertificate(secrets.Path, withPrivateKey: kind != "public-only");
        await using var factory = WithCertificate(data.Path, path);
        if (kind == "wrong-password")
        {
            factory.Settings["TipBot:KeyRing:CertificatePassword"] = "not the password";
        }

        var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains(KeyRingOptions.Section + ":CertificatePath", failure.ToString(), StringComparison.Ordinal);
        Assert.Contains(reason, failure.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(data.Path, "keys")) && Directory.GetFiles(Path.Combine(data.Path, "keys")).Length > 0,
            "no unencrypted key may be written when the certificate is unusable");
    }

    private static TipBotFactory WithCertificate(string dataDirectory, string certificatePath)
    {
        var factory = new TipBotFactory(dataDirectory);
        factory.Settings["TipBot:KeyRing:CertificatePath"] = certificatePath;
        factory.Settings["TipBot:KeyRing:CertificatePassword"] = Password;
        return factory;
    }

    private static async Task<string> SayAndReadStoredTextAsync(TipBotFactory factory, string text)
    {
        var bot = factory.Conversation();
        await bot.SayAsync(text);
        var key = factory.Services.GetRequiredService<TranscriptRecorder>().ConversationKey(bot.ChannelId, bot.ConversationId);
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<TipBotDbContext>>().CreateDbContextAsync();
        var conversation = await db.Set<ConversationRecord>().SingleAsync(c => c.ChannelId == bot.ChannelId && c.Key == key);
        return await db.Set<MessageRecord>()
            .Where(m => m.ConversationId == conversation.Id && m.Direction == MessageDirection.Inbound)
            .Select(m => m.ProtectedText).SingleAsync();
    }

    private static string WriteCertificate(string directory, bool withPrivateKey)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=TipBot key ring test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        using var exported = withPrivateKey ? null : X509CertificateLoader.LoadCertificate(certificate.RawData);
        var path = Path.Combine(directory, "keyring.pfx");
        File.WriteAllBytes(path, (exported ?? certificate).Export(X509ContentType.Pfx, Password));
        return path;
    }
}
