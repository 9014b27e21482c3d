// Signals the cloud and platform families read when they rate a credential: words in the names around it that
// narrow it (`readonly`, `deploy`), and payloads that decode (base64 JSON, PEM certificates).
import { X509Certificate } from 'node:crypto';
import type { CredentialContext } from './types.js';
import { decodeBase64Text, wordsOf } from './values.js';

/** Name words that mark a credential as limited to reading, deploying, uploading or one narrow job. */
export const NARROW_WORDS: ReadonlySet<string> = new Set([
  'readonly', 'ro', 'read', 'reader', 'viewer', 'view', 'deploy', 'deployer', 'upload', 'uploader',
  'publisher', 'publish', 'subscriber', 'invoker', 'logs', 'logging', 'logger', 'monitoring', 'metrics',
]);

/**
 * The first narrowing word in the variable the value is bound to, or in a name the rating was handed (an email's
 * local part, a user name). Sibling names are not read: one narrow neighbour says nothing about this value.
 */
export function narrowingWord(names: readonly (string | undefined)[], words: ReadonlySet<string> = NARROW_WORDS): string | undefined {
  for (const name of names) {
    const found = wordsOf(name ?? '').find((word) => words.has(word));
    if (found) return found;
  }
  return undefined;
}

/** Every text a rating may read around the value, joined: the line, the lines around it and sibling values. */
export function surroundings(context: CredentialContext): string {
  return [context.line, context.nearby, ...Object.values(context.siblingValues)].join('\n');
}

/** Sibling key names reduced to lower-case letters and digits (`authDomain`, `FIREBASE_AUTH_DOMAIN` -> `authdomain`...). */
export function flatSiblings(context: CredentialContext): string[] {
  return context.siblings.map((name) => name.toLowerCase().replace(/[^a-z0-9]/g, ''));
}

/**
 * A run of `length` characters ascending by one (`abcdef`, `123456`, `ABCDEF`): typed by a person writing an example,
 * almost never produced by a generator (about one in 10^8 per position for base62).
 */
export function hasTypedRun(value: string, length = 6): boolean {
  let run = 1;
  for (let i = 1; i < value.length; i++) {
    run = value.charCodeAt(i) - value.charCodeAt(i - 1) === 1 && /[A-Za-z0-9]/.test(value[i]!) ? run + 1 : 1;
    if (run >= length) return true;
  }
  return false;
}

/** A JSON object encoded in base64 (tunnel tokens, some CI secrets); undefined when it does not decode to one. */
export function base64Json(value: string): Record<string, unknown> | undefined {
  const text = decodeBase64Text(value);
  if (!text || !text.trimStart().startsWith('{')) return undefined;
  try {
    const parsed = JSON.parse(text) as unknown;
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The subject of a certificate given as base64 of its PEM (kubeconfig `client-certificate-data`) or as PEM, as
 * `{ O: [...], CN: [...] }`; undefined when it is truncated or does not parse (callers then fail closed).
 */
export function certificateSubject(data: string): { O: string[]; CN: string[] } | undefined {
  const pem = data.includes('-----BEGIN') ? data : decodeBase64Text(data);
  if (!pem || !pem.includes('-----BEGIN CERTIFICATE-----')) return undefined;
  try {
    const subject = new X509Certificate(pem).subject;
    const fields = { O: [] as string[], CN: [] as string[] };
    for (const line of subject.split('\n')) {
      const at = line.indexOf('=');
      const key = line.slice(0, at);
      if (key === 'O' || key === 'CN') fields[key].push(line.slice(at + 1));
    }
    return fields;
  } catch {
    return undefined;
  }
}
