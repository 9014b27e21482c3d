// The JSON report: the documented, stable shape (schemaVersion 1) that baselines and other tools read.
import type { ScanResult } from '../model.js';

export const JSON_SCHEMA_VERSION = 1;

export function renderJson(result: ScanResult): string {
  const report = {
    schemaVersion: JSON_SCHEMA_VERSION,
    tool: { name: 'blast-radius', version: result.toolVersion },
    complete: result.complete,
    summary: result.summary,
    findings: result.findings.map((finding) => ({
      ruleId: finding.ruleId,
      severity: finding.severity,
      message: finding.message,
      path: finding.location.path,
      line: finding.location.span.line,
      column: finding.location.span.column,
      endLine: finding.location.span.endLine,
      endColumn: finding.location.span.endColumn,
      ...(finding.location.commit ? { commit: finding.location.commit } : {}),
      ...(finding.snippet ? { snippet: finding.snippet } : {}),
      fingerprint: finding.fingerprint,
      details: finding.details,
      ...(finding.related?.length ? { related: finding.related.map(({ location, message }) => ({ message, path: location.path, line: location.span.line, column: location.span.column })) } : {}),
      ...(finding.flow?.length ? { flow: finding.flow.map(({ location, message }) => ({ message, path: location.path, line: location.span.line, column: location.span.column })) } : {}),
      ...(finding.suppression ? { suppression: finding.suppression } : {}),
    })),
    notifications: result.notifications,
    stats: result.stats,
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
