// One rule per credential kind that can reach a whole account or a whole resource, generated from the kind's
// knowledge: its reach, the narrower credential, and samples of broad and narrowed placements.
import type { RuleMeta } from '../../src/model.js';
import { CREDENTIAL_KINDS } from '../../knowledge/credentials/index.js';
import type { CredentialContext, CredentialKind } from '../../knowledge/credentials/types.js';
import { commonNoun } from '../../src/wording.js';

export const DETECTOR_ID = 'root-scoped-token';

export function scopeRuleId(kind: CredentialKind): string {
  return `${DETECTOR_ID}/${kind.id}`;
}

/** The rating a kind gives when nothing narrows it: what the rule is about. */
function broadRating(kind: CredentialKind) {
  const empty: CredentialContext = { value: '', siblings: [], siblingValues: {}, path: '', line: '', nearby: '' };
  try {
    return kind.rate(empty).scope;
  } catch {
    return 'root';
  }
}

function ruleOf(kind: CredentialKind): RuleMeta {
  const account = broadRating(kind) === 'root';
  return {
    id: scopeRuleId(kind),
    title: `${kind.title} with ${account ? 'account-wide' : 'whole-resource'} reach`,
    severity: account ? 'critical' : 'high',
    why: `Whoever holds this ${commonNoun(kind.title)} ${kind.reach}. An agent that finds it while working around an error can use all of that reach in one call, far beyond the task it was given.`,
    fix: `Replace it with a narrower credential: ${kind.narrower}. Then revoke the broad one.`,
    ...(kind.reference ? { helpUri: kind.reference } : {}),
    precision: kind.provider === 'generic' ? 'medium' : 'high',
    tags: ['secrets', 'least-privilege', kind.provider, 'external/cwe/cwe-250'],
    samples: kind.scopeSamples!,
  };
}

export const SCOPED_KINDS: readonly CredentialKind[] = CREDENTIAL_KINDS.filter((kind) => kind.scopeSamples);
export const CREDENTIAL_SCOPE_RULES: readonly RuleMeta[] = SCOPED_KINDS.map(ruleOf);
