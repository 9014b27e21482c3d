// The terminal report: the blast-radius headline, findings grouped by file, notifications, one closing line.
import type { Finding, ScanResult, Severity } from '../model.js';
import { SEVERITIES } from '../model.js';
import { summaryRows } from './summary-lines.js';
import type { RenderOptions } from './options.js';

const ANSI = { reset: '\x1b[0m', bold: '\x1b[1m', dim: '\x1b[2m', red: '\x1b[31m', yellow: '\x1b[33m', blue: '\x1b[34m', magenta: '\x1b[35m', cyan: '\x1b[36m' };
const SEVERITY_COLOR: Record<Severity, string> = { critical: ANSI.magenta, high: ANSI.red, medium: ANSI.yellow, low: ANSI.blue, info: ANSI.dim };

export function renderText(result: ScanResult, options: RenderOptions): string {
  const paint = (code: string, text: string): string => (options.color ? `${code}${text}${ANSI.reset}` : text);
  const out: string[] = [];
  out.push(paint(ANSI.bold, `Blast radius: ${result.summary.headline}`));
  const rows = summaryRows(result.summary);
  const width = Math.max(...rows.map((row) => row.label.length));
  for (const row of rows) out.push(`  ${paint(ANSI.dim, row.label.padEnd(width))}  ${row.value}`);
  out.push('');

  const active = result.findings.filter((finding) => !finding.suppression);
  const byFile = new Map<string, Finding[]>();
  for (const finding of active) {
    const key = finding.location.commit ? `${finding.location.path} @ ${finding.location.commit.slice(0, 12)}` : finding.location.path;
    const list = byFile.get(key);
    if (list) list.push(finding);
    else byFile.set(key, [finding]);
  }
  for (const [file, findings] of byFile) {
    out.push(paint(ANSI.bold, file));
    for (const finding of findings) {
      const where = `${finding.location.span.line}:${finding.location.span.column}`.padEnd(8);
      const severity = paint(SEVERITY_COLOR[finding.severity], finding.severity.padEnd(8));
      out.push(`  ${where} ${severity} ${finding.message}  ${paint(ANSI.dim, finding.ruleId)}`);
      if (finding.snippet) out.push(`  ${' '.repeat(8)} ${' '.repeat(8)} ${paint(ANSI.dim, finding.snippet.trim())}`);
      for (const related of finding.related ?? []) {
        out.push(`  ${' '.repeat(17)} ${paint(ANSI.dim, `↳ ${related.message} (${related.location.path}:${related.location.span.line})`)}`);
      }
    }
    out.push('');
  }

  const problems = result.notifications.filter((notification) => notification.level !== 'note');
  for (const notification of problems) {
    out.push(paint(notification.level === 'error' ? ANSI.red : ANSI.yellow, `${notification.level}: ${notification.message}`));
  }
  const notes = result.notifications.length - problems.length;
  if (problems.length > 0) out.push('');

  const counts = SEVERITIES.map((severity) => [severity, active.filter((finding) => finding.severity === severity).length] as const)
    .filter(([, count]) => count > 0)
    .map(([severity, count]) => `${count} ${severity}`);
  const suppressed = result.findings.length - active.length;
  const seconds = (result.stats.durationMs / 1000).toFixed(2);
  const tail = [
    `${active.length} finding${active.length === 1 ? '' : 's'}${counts.length ? ` (${counts.join(', ')})` : ''}`,
    suppressed ? `${suppressed} suppressed` : '',
    `${result.stats.filesRead} file${result.stats.filesRead === 1 ? '' : 's'} scanned in ${seconds}s`,
    notes ? `${notes} note${notes === 1 ? '' : 's'} (see --format json)` : '',
    result.complete ? '' : 'scan incomplete',
  ].filter(Boolean);
  out.push(paint(active.length > 0 ? ANSI.bold : ANSI.dim, tail.join(' · ')));
  return `${out.join('\n')}\n`;
}
