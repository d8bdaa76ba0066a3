using TipBot.Features.Conversations;
using TipBot.Features.Handoff;
using TipBot.Tests.Features.Handoff;

namespace TipBot.Tests.Features.Flows;

public sealed class ReportCaseTests
{
    [Fact]
    public async Task A_finished_report_is_a_request_the_team_follows_up_even_with_an_operator_online()
    {
        await using var harness = await HandoffHarness.StartAsync();
        await harness.OperatorOnlineAsync();
        var user = harness.User();
        await user.SayAsync("report a case");
        await user.SayAsync("Someone else");
        await user.SayAsync("South Africa");
        await user.SayAsync("No");

        await user.SayAsync("a recruiter in mafeteng takes girls to a farm near bethlehem and they never call home");

        var report = await harness.CaseAsync(user);
        Assert.True(report.Callback, "the report is not a request to be followed up");
        Assert.Equal(HandoffReason.Callback, report.Reason);
        Assert.Equal(HumanPriority.Normal, report.Priority);
    }
}
