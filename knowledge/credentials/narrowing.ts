// Signals the provider families share when they rate a credential: what the name bound to it says, what the
// text around it says, whether a value was typed by a person, and base64 fragments for matching encoded JSON.
import type { CredentialScope } from '../../src/model.js';
import type { CredentialContext, Rating } from './types.js';
import { isHumanPlaceholder, looksRandom, wordsOf } from './values.js';

/** Words in a variable name that mean a read-only or otherwise narrowed credential. */
export const READ_ONLY_WORDS: ReadonlySet<string> = new Set(['readonly', 'read', 'ro', 'reader', 'viewer', 'readers', 'pull', 'install']);
/** Words in a variable name that mean a credential for a sandbox, a test run or a local copy. */
export const TEST_WORDS: ReadonlySet<string> = new Set(['test', 'testing', 'sandbox', 'mock', 'fake', 'dummy', 'local', 'e2e', 'ci_test']);

/** The first word of the variable's name (split as in `wordsOf`) that is in `words`, if any. */
export function nameWord(context: CredentialContext, words: ReadonlySet<string>): string | undefined {
  return wordsOf(context.variable ?? context.header ?? '').find((word) => words.has(word));
}

/** Bundler prefixes that inline a variable into the client bundle: whatever is bound to them ships to browsers. */
const BROWSER_PREFIX = /^(NEXT_PUBLIC_|VITE_|REACT_APP_|EXPO_PUBLIC_|NUXT_PUBLIC_|PUBLIC_|GATSBY_)/;

/** True when the variable has a bundler's public prefix: whatever it holds is in every visitor's browser. */
export function shipsToBrowsers(variable: string | undefined): boolean {
  return BROWSER_PREFIX.test(variable ?? '');
}

/** `, and NEXT_PUBLIC_ ships it to every browser` when the variable has a bundler's public prefix, else ''. */
export function browserExposure(context: CredentialContext): string {
  const prefix = BROWSER_PREFIX.exec(context.variable ?? '')?.[1];
  return prefix ? `, and the ${prefix} prefix ships it to every browser` : '';
}

/**
 * "read-only", or a permission or scope of read alone (`permission: Read`, `scope=read`, "Read permission"), not
 * read and write, nor a workflow's `permissions: read-all` (the job's own token).
 */
const READ_ONLY_TEXT = /\bread[-_ ]?only\b|\b(?:permissions?|scopes?|access)\b[^\S\n]*[:=(]?[^\S\n]*["'`]?read\b(?![-:])(?!["'`]?[^\S\n]*(?:&|and|\/|,|\+|-)[^\S\n]*write)|\bread[- ]permissions?\b/i;
/** Scopes written `resource:action`, as DigitalOcean's custom scopes are (`droplet:read`, `block_storage:delete`). */
const RESOURCE_SCOPE = /\b[a-z][a-z_]*:(read|create|update|delete|write|admin|access_console)\b/g;

/**
 * True when the line or the lines around the value say the credential is read-only (a comment, a token description):
 * in words, or as a list of `resource:action` scopes that are all read ones.
 */
export function saysReadOnly(context: CredentialContext): boolean {
  const text = `${context.line}\n${context.nearby}`;
  if (READ_ONLY_TEXT.test(text)) return true;
  const actions = [...text.matchAll(RESOURCE_SCOPE)].map((match) => match[1]);
  return actions.length > 0 && actions.every((action) => action === 'read');
}

/**
 * True when the text around the value says the credential is limited to one project ("project-scoped key", "scoped
 * to the acme-web project").
 */
export function saysProjectScoped(context: CredentialContext): boolean {
  return /\bproject[- ]scoped\b|\bscoped to (?:the |one |a |this |a single )?(?:[\w.-]+ )?project\b/i.test(`${context.line}\n${context.nearby}`);
}

/**
 * A narrowed rating when the name or the text around it says read-only, else undefined: the caller then falls
 * back to the broad rating (fail closed).
 */
export function readOnlyRating(context: CredentialContext, what: string): Rating | undefined {
  const word = nameWord(context, READ_ONLY_WORDS);
  if (word) return { scope: 'scoped', because: `variable ${context.variable ?? context.header} names a ${word} ${what}` };
  if (saysReadOnly(context)) return { scope: 'scoped', because: `the text beside it says the ${what} is read-only` };
  return undefined;
}

const URL_HOST = /\bhttps?:\/\/([a-z0-9.-]+)/gi;

/**
 * A bearer header belongs to the API its own line calls: a script that lists droplets with one token and posts the
 * count to a status page with another sends the second to the status page, whatever else the file names. A line
 * that calls no URL (a header in a dict, a multi-line curl) leaves it to the file's mention of the API.
 */
export function sentToAnotherHost(context: CredentialContext, apiHost: string): boolean {
  if (!context.header) return false;
  const hosts = [...context.line.matchAll(URL_HOST)].map((match) => match[1]!.toLowerCase());
  return hosts.length > 0 && !hosts.some((host) => host.includes(apiHost));
}

/** Words people put in secrets they type (`super-secret-session-key`); generated secrets almost never hold them. */
const TYPED_WORDS = /secret|passw|change|session|cookie|super|nextauth|example|develop|product|default|random|string|please|generat|insecure|hasura|admin|token|signing|django|rails|laravel|local|dummy|sample|qwerty|letmein|welcome|hello/i;

/**
 * Looks like the output of `openssl rand`, `rails secret`, `get_random_secret_key()` and friends rather than a
 * phrase someone typed: long enough, random enough, and free of the words people type into secrets.
 */
export function looksGenerated(value: string, minLength = 16): boolean {
  if (value.length < minLength || /\s/.test(value)) return false;
  if (isHumanPlaceholder(value) || TYPED_WORDS.test(value)) return false;
  if (/^[0-9a-f]+$/i.test(value)) return value.length >= minLength && new Set(value.toLowerCase()).size >= 10;
  return looksRandom(value, minLength, 3.2);
}

/**
 * The base64url fragments that encode `text` at each of the three byte alignments: a base64 string contains one
 * of them exactly when the bytes it encodes contain `text` (used to find JWTs whose payload holds a claim).
 */
export function base64urlFragments(text: string): string[] {
  const bytes = Buffer.from(text, 'utf8');
  const fragments: string[] = [];
  for (let align = 0; align < 3; align++) {
    const encoded = Buffer.concat([Buffer.alloc(align), bytes]).toString('base64url');
    const first = Math.ceil((8 * align) / 6);
    const last = Math.floor((8 * (align + bytes.length)) / 6);
    fragments.push(encoded.slice(first, last));
  }
  return fragments;
}


/**
 * A kind's rating: narrowed when its name or the text beside it says read-only, else the broad rating given (fail
 * closed: the permissions chosen when the token was made are not in the value).
 */
export function broadUnlessReadOnly(what: string, scope: CredentialScope, because: string): (context: CredentialContext) => Rating {
  return (context) => readOnlyRating(context, what) ?? { scope, because };
}
