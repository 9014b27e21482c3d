// Rule documentation rendered from rule metadata, the one source for SARIF help and the README rule table.
import type { RuleMeta, Severity } from './model.js';

/** GitHub's security-severity scores, mid-band so the label is never ambiguous (trivy uses the same values). */
export const SECURITY_SEVERITY: Record<Severity, string | undefined> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '2.0',
  info: undefined,
};

export function ruleHelpText(rule: RuleMeta): string {
  return `${rule.why}\n\nFix: ${rule.fix}${rule.help ? `\n\n${stripMarkdown(rule.help)}` : ''}`;
}

export function ruleHelpMarkdown(rule: RuleMeta): string {
  const parts = [`**${rule.title}** (\`${rule.id}\`, ${rule.severity})`, `**Why it matters.** ${rule.why}`, `**Fix.** ${rule.fix}`];
  if (rule.help) parts.push(rule.help);
  if (rule.helpUri) parts.push(`Reference: ${rule.helpUri}`);
  return parts.join('\n\n');
}

/** The README's rule table, one row per rule, grouped by detector in registry order. */
export function rulesTableMarkdown(rules: readonly RuleMeta[]): string {
  const lines: string[] = [];
  let detector = '';
  for (const rule of rules) {
    const owner = rule.id.slice(0, rule.id.indexOf('/'));
    if (owner !== detector) {
      detector = owner;
      if (lines.length > 0) lines.push('');
      lines.push(`### \`${owner}\``, '', '| rule | severity | what it finds | fix |', '|---|---|---|---|');
    }
    lines.push(`| \`${rule.id}\` | ${rule.severity} | ${cell(rule.title)} | ${cell(rule.fix)} |`);
  }
  return lines.join('\n');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

function stripMarkdown(text: string): string {
  return text.replace(/\*\*|`/g, '');
}
