// Rates every credential's scope (root, root-resource, scoped, public, test) from provider knowledge and its
// context, writes the rating onto the credential for later stages, and reports the ones that reach everything.
import { kubernetesPrincipals } from '../../knowledge/credentials/kubernetes.js';
import type { Detector, FinishContext } from '../../src/model.js';
import { isTestOrExamplePath } from '../../src/paths.js';
import type { Credential, PrivilegedPrincipal } from '../../src/facts/credential.js';
import { CompanionIndex } from '../../knowledge/credentials/companions.js';
import { credentialKind } from '../../knowledge/credentials/index.js';
import { shipsToBrowsers } from '../../knowledge/credentials/narrowing.js';
import type { CredentialContext, Rating } from '../../knowledge/credentials/types.js';
import { CREDENTIAL_SCOPE_RULES, DETECTOR_ID, scopeRuleId } from './credential-rules.js';
import { GRANT_KEYWORDS, GRANT_RULES, scanGrants, SERVICE_ACCOUNT_EMAIL } from './grants.js';

export const rootScopedToken: Detector = {
  id: DETECTOR_ID,
  rules: [...CREDENTIAL_SCOPE_RULES, ...GRANT_RULES],
  keywords: GRANT_KEYWORDS,
  consumes: ['credential', 'privileged-principal'],
  produces: ['credential', 'privileged-principal'],
  scanFile: scanGrants,
  finish(context) {
    rateCredentials(context);
  },
};

function rateCredentials(context: FinishContext): void {
  const credentials = context.facts.all('credential');
  const declared = new Set(CREDENTIAL_SCOPE_RULES.map((rule) => rule.id));
  // Published once all are rated: one pass over the facts, not one per credential (a bundle can hold thousands).
  const scopes = new Map<string, Pick<Credential, 'scope' | 'reach' | 'companionHalf'>>();
  const companions = new CompanionIndex(credentials);
  const privileged = new Map(context.facts.all('privileged-principal').map((principal) => [principal.principal, principal]));
  for (const credential of credentials) {
    const kind = credentialKind(credential.kind);
    if (!kind) continue;
    const rating = withGrantedRole(kind.rate(contextOf(credential)), credential, privileged);
    // An AWS key id beside its secret (and such pairs) is one credential, counted and reported with the other half.
    const companionHalf = kind.companionOf !== undefined && companions.near(credential, kind.companionOf);
    scopes.set(credential.id, { scope: rating.scope, reach: kind.reach, ...(companionHalf ? { companionHalf } : {}) });
    if (rating.scope !== 'root' && rating.scope !== 'root-resource') continue;
    if (!declared.has(scopeRuleId(kind))) continue;
    if (companionHalf) continue;
    const where = credential.variable ? ` in ${credential.variable}` : '';
    context.report({
      ruleId: scopeRuleId(kind),
      // In tests and examples the value is rarely live: still reported, below the default failure threshold.
      // A whole resource's key under a bundler's public prefix is handed to every visitor: as bad as an account's.
      severity: isTestOrExamplePath(credential.location.path) || credential.inDocumentation || credential.throwaway ? 'low' : rating.scope === 'root' || shipsToBrowsers(credential.variable) ? 'critical' : 'high',
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


const SERVICE_ACCOUNT = new RegExp(`(${SERVICE_ACCOUNT_EMAIL})`, 'i');

/**
 * A credential of a principal the repository itself grants an account-wide role: a service-account key whose
 * account is bound to roles/owner in the Terraform beside it is rated by that binding, whatever its name suggests.
 */
function withGrantedRole(rating: Rating, credential: Credential, privileged: ReadonlyMap<string, PrivilegedPrincipal>): Rating {
  if (rating.scope === 'root' || privileged.size === 0) return rating;
  if (credential.provider === 'kubernetes') {
    // A binding in the repository beats what the credential's name suggests (`ci-deployer` bound to cluster-admin).
    for (const principal of kubernetesPrincipals({ value: credential.value, nearby: credential.nearby ?? '' })) {
      const grant = privileged.get(principal);
      if (grant) return { scope: 'root', because: `its service account ${principal.slice('k8s-sa:'.length)} is bound to ${grant.role} (${grant.location.path}:${grant.location.span.line})` };
    }
    return rating;
  }
  if (credential.provider !== 'gcp') return rating;
  const email = (credential.siblingValues?.client_email ?? SERVICE_ACCOUNT.exec(`${credential.line ?? ''}\n${credential.nearby ?? ''}`)?.[1])?.toLowerCase();
  const grant = email ? privileged.get(email) : undefined;
  if (!grant) return rating;
  return { scope: 'root', because: `its service account ${email} holds ${grant.role} (${grant.location.path}:${grant.location.span.line})` };
}
