// The HTTP headers provider kinds know a credential by (`Project-Access-Token`, `X-Vault-Token`, `DD-APPLICATION-KEY`),
// read from their context patterns: the request that sends a value and the file that binds it must know the same
// headers, and a provider's header added to its knowledge is known to both without naming it here.
import { PROVIDER_KINDS } from '../../knowledge/credentials/index.js';

/** A header pattern spelled as one name or a choice of names: `/^x-vault-token$/i`, `/^(?:x-consul-token|x-nomad-token)$/i`. */
const NAMES = /^\^(?:\(\?:)?([\w-]+(?:\|[\w-]+)*)\)?\$$/;

/** Every header some provider kind's pattern names, lower-cased. */
export const CREDENTIAL_HEADERS: readonly string[] = [
  ...new Set(PROVIDER_KINDS.flatMap((kind) => (kind.contextPatterns ?? []).flatMap((pattern) => (pattern.header ? (NAMES.exec(pattern.header.source)?.[1]?.toLowerCase().split('|') ?? []) : [])))),
];
