// Rates every credential's scope (root, root-resource, scoped, public, test) from provider knowledge and its
// context, writes the rating onto the credential for later stages, and reports the ones that reach everything.
import type { Detector, FinishContext } from '../../src/model.js';
import { isTestOrExamplePath } from '../../src/paths.js';
import type { Credential } from '../../src/facts/credential.js';
import { CompanionIndex } from '../../knowledge/credentials/companions.js';
import { credentialKind } from '../../knowledge/credentials/index.js';
import { shipsToBrowsers } from '../../knowledge/credentials/narrowing.js';
import type { CredentialContext } from '../../knowledge/credentials/types.js';
import { CREDENTIAL_SCOPE_RULES, DETECTOR_ID, scopeRuleId } from './credential-rules.js';
import { GRANT_KEYWORDS, GRANT_RULES, scanGrants } from './grants.js';

export const rootScopedToken: Detector = {
  id: DETECTOR_ID,
  rules: [...CREDENTIAL_SCOPE_RULES, ...GRANT_RULES],
  keywords: GRANT_KEYWORDS,
  consumes: ['credential'],
  produces: ['credential'],
  scanFile: scanGrants,
  finish(context) {
    rateCredentials(context);
  },
};

function rateCredentials(context: FinishContext): void {
  const credentials = context.facts.all('credential');
  const declared = new Set(CREDENTIAL_SCOPE_RULES.map((rule) => rule.id));
  // Published once all are rated: one pass over the facts, not one per credential (a bundle can hold thousands).
  const scopes = new Map<string, Pick<Credential, 'scope' | 'reach'>>();
  const companions = new CompanionIndex(credentials);
  for (const credential of credentials) {
    const kind = credentialKind(credential.kind);
    if (!kind) continue;
    const rating = kind.rate(contextOf(credential));
    scopes.set(credential.id, { scope: rating.scope, reach: kind.reach });
    if (rating.scope !== 'root' && rating.scope !== 'root-resource') continue;
    if (!declared.has(scopeRuleId(kind))) continue;
    if (kind.companionOf && companions.near(credential, kind.companionOf)) continue;
    const where = credential.variable ? ` in ${credential.variable}` : '';
    context.report({
      ruleId: scopeRuleId(kind),
      // In tests and examples the value is rarely live: still reported, below the default failure threshold.
      // A whole resource's key under a bundler's public prefix is handed to every visitor: as bad as an account's.
      severity: isTestOrExamplePath(credential.location.path) || credential.inDocumentation ? 'low' : rating.scope === 'root' || shipsToBrowsers(credential.variable) ? 'critical' : 'high',
      message: `${kind.title}${where} reaches ${rating.scope === 'root' ? 'a whole account' : 'a whole resource'}: ${rating.because}.`,
      location: credential.location,
      snippet: credential.redacted,
      evidence: credential.value,
      details: {
        provider: credential.provider,
        kind: credential.kind,
        variable: credential.variable,
        scope: rating.scope,
        because: rating.because,
        narrower: kind.narrower,
        environment: credential.environment,
        inIgnoredDotenv: credential.inIgnoredDotenv,
      },
    });
  }
  context.enrichEach('credential', (fact) => scopes.get(fact.id));
}

function contextOf(credential: Credential): CredentialContext {
  return {
    value: credential.value,
    variable: credential.variable,
    header: credential.header,
    siblings: credential.siblings ?? [],
    siblingValues: credential.siblingValues ?? {},
    path: credential.location.path,
    line: credential.line ?? '',
    nearby: credential.nearby ?? '',
  };
}

