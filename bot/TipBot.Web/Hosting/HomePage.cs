namespace TipBot.Hosting;

/// <summary>GET /: what TipBot is and how to talk to it.</summary>
internal static class HomePage
{
    public const string Html = """
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>TipBot</title>
          <style>
            body { font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #1b1b1b; }
            code { background: #f2f2f2; padding: 0.1rem 0.3rem; border-radius: 3px; }
          </style>
        </head>
        <body>
          <main>
            <h1>TipBot is running</h1>
            <p>TipBot is a chatbot that gives safe-migration and counter-trafficking guidance, in English and Sesotho,
               from a curated knowledge base. A person in danger is given verified emergency contacts and a human.</p>
            <h2>How to talk to it</h2>
            <ul>
              <li>Bot Framework endpoint: <code>POST /api/messages</code> (for the Bot Framework Emulator, Azure Bot Service, Direct Line).</li>
              <li>In a terminal: <code>dotnet run --project bot/TipBot.Web -- chat</code></li>
              <li>Health: <a href="/healthz"><code>/healthz</code></a></li>
            </ul>
            <h2>For the hotline team</h2>
            <p>Operators answer handed-off conversations in the <a href="/console">operator console</a>. Accounts are made on
               the server: <code>dotnet run --project bot/TipBot.Web -- operators add --email E --name NAME --role operator</code></p>
          </main>
        </body>
        </html>
        """;
}
