using TipBot.Features.Console;
using TipBot.Features.Conversations;
using TipBot.Features.Erasure;
using TipBot.Features.Handoff;
using TipBot.Features.Knowledge;
using TipBot.Features.Operators;
using TipBot.Features.Safety;
using TipBot.Features.Understanding;
using TipBot.Hosting;
using TipBot.Persistence;

var command = TipBotCommand.Parse(args);
// Content root is the app's folder (its appsettings.json), whatever directory `dotnet run` starts in.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = command.HostArguments, ContentRootPath = AppContext.BaseDirectory });
builder.Configuration.AddInMemoryCollection(command.ConfigurationOverrides());

builder.AddHosting();
builder.AddPersistence();
builder.AddKnowledge();
builder.AddUnderstanding();
builder.AddSafety();
builder.AddConversations();
builder.AddErasure();
builder.AddOperators();
builder.AddHandoff();
builder.AddConsole();

var app = builder.Build();
app.MapHosting();
app.MapConversations();
app.MapConsole();

return await app.RunAsync(command);

/// <summary>The entry point, public for WebApplicationFactory in the integration tests.</summary>
public partial class Program;
