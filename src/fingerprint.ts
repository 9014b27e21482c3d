// Finding identity that survives unrelated edits: rule, path and evidence, never the line number.
import { createHash } from 'node:crypto';

export function fingerprintOf(ruleId: string, path: string, evidence: string): string {
  return createHash('sha256').update(`${ruleId}\0${path}\0${evidence}`).digest('hex').slice(0, 32);
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
