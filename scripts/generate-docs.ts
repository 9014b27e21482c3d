// `npm run docs`: rewrites the README's rule table from rule metadata.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { withRulesSection } from './readme-rules.js';

const readmePath = fileURLToPath(new URL('../../README.md', import.meta.url));
const before = readFileSync(readmePath, 'utf8');
const after = withRulesSection(before);
if (after !== before) writeFileSync(readmePath, after);
process.stdout.write(after === before ? 'README rule table already up to date\n' : 'README rule table updated\n');
