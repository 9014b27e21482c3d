// The README's rule section, generated from rule metadata so that docs never drift from what the scanner does.
import { detectors } from '../detectors/index.js';
import { rulesTableMarkdown } from '../src/rule-docs.js';

export const RULES_START = '<!-- rules:start -->';
export const RULES_END = '<!-- rules:end -->';

export function rulesSection(): string {
  const rules = detectors.flatMap((detector) => detector.rules);
  const intro = `${rules.length} rules. Severity is the default; findings may be rated lower (test keys, files under tests/) or higher by scope. Turn a rule off or re-rate it in \`.blast-radius.yml\`.`;
  return `${RULES_START}\n${intro}\n\n${rulesTableMarkdown(rules)}\n${RULES_END}`;
}

/** The README with its rule section replaced. */
export function withRulesSection(readme: string): string {
  const start = readme.indexOf(RULES_START);
  const end = readme.indexOf(RULES_END);
  if (start === -1 || end === -1) throw new Error(`README has no ${RULES_START} ... ${RULES_END} markers`);
  return `${readme.slice(0, start)}${rulesSection()}${readme.slice(end + RULES_END.length)}`;
}
