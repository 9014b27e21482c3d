// Realistic credentials for end-to-end tests, in the shapes the exposed-credential detector recognises: GitHub
// tokens carry a valid CRC32 checksum (a made-up one is rightly ignored), AWS and Stripe keys their real formats.
import { base62, crc32 } from '../../knowledge/credentials/values.js';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A deterministic pseudo-random string (tests must be reproducible). */
function randomString(seed: string, length: number, alphabet = ALPHANUMERIC): string {
  let state = [...seed].reduce((hash, char) => (Math.imul(hash, 31) + char.charCodeAt(0)) >>> 0, 2166136261);
  let out = '';
  for (let index = 0; index < length; index++) {
    state = (Math.imul(state ^ (state >>> 15), 2246822507) + 0x9e3779b9) >>> 0;
    out += alphabet[state % alphabet.length];
  }
  return out;
}

/** A classic GitHub personal access token with a valid checksum. */
export function githubToken(seed: string): string {
  const body = randomString(seed, 30);
  return `ghp_${body}${base62(crc32(body), 6)}`;
}

export function stripeLiveKey(seed: string): string {
  return `sk_live_51${randomString(seed, 46)}`;
}

export function awsKeyPair(seed: string): { id: string; secret: string } {
  return { id: `AKIA${randomString(seed, 16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`, secret: randomString(`${seed}-secret`, 40, `${ALPHANUMERIC}/+`) };
}
