#!/usr/bin/env bash
# Rebuilds the placeholder packages into eng/placeholders/feed (committed, so a restore never needs this).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
rm -f "$here"/feed/*.nupkg
for project in AdaptiveCards vswhere; do
  dotnet pack "$here/$project/$project.csproj" -c Release -o "$here/feed" -p:ContinuousIntegrationBuild=true --nologo
done
ls -l "$here/feed"
