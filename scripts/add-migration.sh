#!/usr/bin/env bash
# Adds one EF Core migration per database provider (Sqlite, SqlServer, Npgsql) after a model change.
# Usage: scripts/add-migration.sh AddAssessments
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/add-migration.sh <MigrationName>}
dotnet tool restore >/dev/null
dotnet build RiskIntel.Core -v q -nologo >/dev/null
for provider in Sqlite SqlServer Npgsql; do
  dotnet ef migrations add "$name" --no-build --project RiskIntel.Core --startup-project RiskIntel.Core \
    --context "${provider}RiskIntelDbContext" --output-dir "Persistence/Migrations/$provider"
done
