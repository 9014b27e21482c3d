// The name a found credential is reported under: the structure's name for the value that holds it, not a word seen
// inside the value or the structure's own keys (`value`).
import { describe, expect, it } from 'vitest';
import { repositoryScanner } from './helpers/scan-files.js';

const scanFiles = repositoryScanner();

async function variables(files: Record<string, string>): Promise<string[]> {
  const result = await scanFiles(files);
  return result.findings.filter((finding) => finding.ruleId.startsWith('exposed-credential/')).map((finding) => `${finding.ruleId} ${String(finding.details?.variable)}`);
}

describe('the name a credential is reported under', () => {
  it("is a connection string's holder, not the Password keyword inside it", async () => {
    const settings = '{\n  "ConnectionStrings": {\n    "Default": "Server=tcp:orders-sql.database.windows.net,1433;Initial Catalog=Orders;User ID=orders_app;Password=Qv7!mPz2#Lr9;Encrypt=True;"\n  }\n}\n';
    expect(await variables({ 'src/Orders/appsettings.Production.json': settings })).toEqual(['exposed-credential/database-connection-string Default']);
  });

  it("is the variable GitLab's expanded form names, not its value key", async () => {
    const ci = 'variables:\n  SENTRY_AUTH_TOKEN:\n    value: "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"\n    description: release uploads\n';
    expect(await variables({ '.gitlab-ci.yml': ci })).toEqual(['exposed-credential/sentry-user-token SENTRY_AUTH_TOKEN']);
  });
});
