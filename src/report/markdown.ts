// The Markdown report, for pull-request comments and GitHub job summaries: the blast-radius table, then findings.
import type { ScanResult } from '../model.js';
import { SEVERITIES, severityRank } from '../model.js';
import type { RenderOptions } from './options.js';
import { summaryRows } from './summary-lines.js';

const DEFAULT_MAX_ROWS = 200;

export function renderMarkdown(result: ScanResult, options: RenderOptions): string {
  const out: string[] = ['## Blast radius', '', `> ${escapeText(result.summary.headline)}`, '', '| What an agent here could reach | |', '|---|---|'];
  for (const row of summaryRows(result.summary)) out.push(`| ${row.label} | ${cell(row.value)} |`);
  out.push('');

  const active = result.findings.filter((finding) => !finding.suppression);
  const counts = SEVERITIES.map((severity) => `${active.filter((finding) => finding.severity === severity).length} ${severity}`).join(', ');
  out.push(`### Findings: ${active.length}`, '', active.length ? counts : 'Nothing found.', '');
  if (active.length) {
    const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
    out.push('| Severity | Rule | Location | Finding |', '|---|---|---|---|');
    // Most severe first (path order within a severity): a table cut at maxRows, as a job summary's is, keeps the worst.
    const ordered = [...active].sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
    for (const finding of ordered.slice(0, maxRows)) {
      const where = `${finding.location.path}:${finding.location.span.line}${finding.location.commit ? ` @ ${finding.location.commit.slice(0, 12)}` : ''}`;
      out.push(`| ${finding.severity} | \`${finding.ruleId}\` | \`${cell(where)}\` | ${cell(finding.message)} |`);
    }
    if (active.length > maxRows) out.push('', `…and ${active.length - maxRows} more (see the SARIF or JSON report).`);
    out.push('');
  }
  const suppressed = result.findings.length - active.length;
  const problems = result.notifications.filter((notification) => notification.level !== 'note');
  const footer = [`${result.stats.filesRead} files scanned`, suppressed ? `${suppressed} suppressed` : '', problems.length ? `${problems.length} scan warnings` : '', result.complete ? '' : '**scan incomplete**']
    .filter(Boolean)
    .join(' · ');
  out.push(`<sub>blast-radius ${result.toolVersion} · ${footer}</sub>`, '');
  return out.join('\n');
}

function cell(text: string): string {
  return escapeText(text).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** Keeps user-controlled text (paths, messages) from opening HTML or mentions in a PR comment. */
function escapeText(text: string): string {
  return text.replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/@(?=\w)/g, '@\u200b');
}
