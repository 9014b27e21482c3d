// Suppressions: inline `blast-radius-ignore[: rule-id] reason` comments and baselines of earlier reports.
import { readFileSync } from 'node:fs';
import { ConfigError, ruleMatches } from './config.js';

export const INLINE_MARKER = 'blast-radius-ignore';
/** The key under which SARIF results carry our fingerprint (read back from SARIF baselines). */
export const SARIF_FINGERPRINT_KEY = 'agentBlastRadius/v1';

export interface InlineSuppression {
  /** Rule id or `<detector>/*`; undefined suppresses every rule on the line. */
  rule?: string;
  reason: string;
}

const MARKER = /blast-radius-ignore(?::\s*([A-Za-z0-9_.-]+\/[A-Za-z0-9_.*-]+|\*))?[ \t]*(.*)$/;
// Comment closers that trail the reason in HTML, CSS, C-style and Jinja comments.
const CLOSER = /\s*(?:-->|\*\/|#}|%>)\s*$/;

/** Markers by 1-based line. Only called on files whose text contains the marker. */
export function inlineSuppressions(text: string): Map<number, InlineSuppression> {
  const markers = new Map<number, InlineSuppression>();
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    if (!line.includes(INLINE_MARKER)) return;
    const match = MARKER.exec(line);
    if (!match) return;
    const reason = (match[2] ?? '').replace(CLOSER, '').trim();
    markers.set(index + 1, { rule: match[1], reason: reason || 'suppressed inline' });
  });
  return markers;
}

/** The marker that applies to a finding on `line`: on the line itself or on the line above. */
export function inlineSuppressionFor(
  markers: ReadonlyMap<number, InlineSuppression> | undefined,
  line: number,
  ruleId: string,
): InlineSuppression | undefined {
  if (!markers) return undefined;
  for (const candidate of [line, line - 1]) {
    const marker = markers.get(candidate);
    if (marker && (marker.rule === undefined || ruleMatches(marker.rule, ruleId))) return marker;
  }
  return undefined;
}

/** Fingerprints from an earlier JSON report or SARIF log. */
export function loadBaseline(path: string): Set<string> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(`cannot read baseline ${path}: ${code ?? (error as Error).message}`);
  }
  const fingerprints = new Set<string>();
  if (isRecord(raw) && Array.isArray(raw.findings)) {
    for (const finding of raw.findings) {
      if (isRecord(finding) && typeof finding.fingerprint === 'string') fingerprints.add(finding.fingerprint);
    }
    return fingerprints;
  }
  if (isRecord(raw) && Array.isArray(raw.runs)) {
    for (const run of raw.runs) {
      if (!isRecord(run) || !Array.isArray(run.results)) continue;
      for (const result of run.results) {
        const partial = isRecord(result) ? result.partialFingerprints : undefined;
        const value = isRecord(partial) ? partial[SARIF_FINGERPRINT_KEY] : undefined;
        if (typeof value === 'string') fingerprints.add(value);
      }
    }
    return fingerprints;
  }
  throw new ConfigError(`baseline ${path} is neither a blast-radius JSON report nor a SARIF log`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
