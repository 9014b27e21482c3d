// The severity of a scope finding: an account's key is critical, a whole resource's key high, unless a bundler's
// public prefix hands it to every visitor's browser, which makes a resource's key as bad as an account's.
import { describe, expect, it } from 'vitest';
import { repositoryScanner } from './helpers/scan-files.js';

const scanFiles = repositoryScanner();
const SECRET_KEY = 'sb_secret_oCCxKr1vI_Wc7C6QNJyMs4_h7hSe4vg';

async function scopeSeverities(files: Record<string, string>): Promise<string[]> {
  const result = await scanFiles(files);
  return result.findings.filter((finding) => finding.ruleId.startsWith('root-scoped-token/')).map((finding) => `${finding.ruleId} ${finding.severity}`);
}

describe('scope severity', () => {
  it('rates a resource-wide key under a bundler prefix critical', async () => {
    expect(await scopeSeverities({ 'web/.env.production': `VITE_SUPABASE_URL=https://xauskjsiduvgjqeznszb.supabase.co\nVITE_SUPABASE_KEY=${SECRET_KEY}\n` })).toEqual([
      'root-scoped-token/supabase-secret-key critical',
    ]);
  });

  it('rates the same key on the server high', async () => {
    expect(await scopeSeverities({ 'server/.env.production': `SUPABASE_URL=https://xauskjsiduvgjqeznszb.supabase.co\nSUPABASE_SECRET_KEY=${SECRET_KEY}\n` })).toEqual([
      'root-scoped-token/supabase-secret-key high',
    ]);
  });
});
