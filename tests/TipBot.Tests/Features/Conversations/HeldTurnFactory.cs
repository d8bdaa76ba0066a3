using Microsoft.Extensions.DependencyInjection;
using TipBot.Features.Safety;
using TipBot.Tests.Support;

namespace TipBot.Tests.Features.Conversations;

/// <summary>A host whose safety check holds one marked message until the test lets it go.</summary>
public sealed class HeldTurnFactory : TipBotFactory
{
    public const string Marker = "holdon";

    public HeldTurnFactory() : base(null, services =>
    {
        services.AddSingleton<SafetyTriage>();
        services.AddSingleton<HeldSafetyCheck>();
        services.AddSingleton<ISafetyCheck>(provider => provider.GetRequiredService<HeldSafetyCheck>());
    })
    {
    }

    public HeldSafetyCheck Held => Services.GetRequiredService<HeldSafetyCheck>();

    public sealed class HeldSafetyCheck(SafetyTriage inner) : ISafetyCheck
    {
        public ManualResetEventSlim Entered { get; } = new();
        public ManualResetEventSlim Release { get; } = new();

        public SafetyAssessment Assess(SafetyInput input)
        {
            if (input.Text.Contains(Marker, StringComparison.Ordinal))
            {
                Entered.Set();
                Release.Wait(TimeSpan.FromSeconds(10));
            }
            return inner.Assess(input);
        }
    }
}
