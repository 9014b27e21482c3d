// Every credential kind the scanner knows, provider kinds first (their prefixes are proof), generic shapes last.
// Adding a provider is adding a module here; detectors iterate this list and never name a provider.
import { AWS_KINDS } from './aws.js';
import { GENERIC_KINDS } from './generic.js';
import { GITHUB_KINDS } from './github.js';
import { RAILWAY_KINDS } from './railway.js';
import { STRIPE_KINDS } from './stripe.js';
import type { CredentialKind } from './types.js';

export const PROVIDER_KINDS: readonly CredentialKind[] = [...RAILWAY_KINDS, ...AWS_KINDS, ...GITHUB_KINDS, ...STRIPE_KINDS];

export const CREDENTIAL_KINDS: readonly CredentialKind[] = [...PROVIDER_KINDS, ...GENERIC_KINDS];

const BY_ID = new Map(CREDENTIAL_KINDS.map((kind) => [kind.id, kind]));

export function credentialKind(id: string): CredentialKind | undefined {
  return BY_ID.get(id);
}

export type { CredentialContext, CredentialKind, Rating } from './types.js';
