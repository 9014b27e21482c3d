// The README's rule table is generated from rule metadata: this fails when a rule changed and `npm run docs` was not run.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withRulesSection } from '../scripts/readme-rules.js';

describe('README', () => {
  it('lists every rule exactly as its metadata says (run `npm run docs` after changing rules)', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(readme).toBe(withRulesSection(readme));
  });
});
