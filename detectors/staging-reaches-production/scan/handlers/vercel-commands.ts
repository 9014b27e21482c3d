// Vercel environment variables set by command: `echo "$PROD_DB" | vercel env add DATABASE_URL preview` gives the
// preview deployments the value piped in. A script that pipes one value into production's and preview's variable
// (or a preview value production's configuration names) has preview deployments on production's resource.
import type { Recorder } from '../recorder.js';
import { namedTag } from '../recorder.js';
import { identifyValue } from '../values.js';

/** Lowercase literals one of which a script holds before any pattern runs on it (prefilter keywords of the detector). */
export const VERCEL_ENV_KEYWORDS = ['vercel env add'];

/** `echo "value" | vercel env add NAME target`, `printf '%s' value | npx vercel env add …`, or `… <<< "value"`. */
const PIPED = /\b(?:echo(?:\s+-[neE]+)?|printf(?:\s+(['"])%s\1)?)\s+(["']?)([^\n|]*?)\2\s*\|\s*(?:npx\s+|pnpm\s+(?:dlx\s+)?|yarn\s+)?vercel\s+env\s+add\s+([A-Za-z_][A-Za-z0-9_]*)\s+([a-z][\w-]*)/g;
const HERE_STRING = /\b(?:npx\s+)?vercel\s+env\s+add\s+([A-Za-z_][A-Za-z0-9_]*)\s+([a-z][\w-]*)[^\n<]*<<<\s*(["']?)([^\n]*?)\3\s*$/gm;
/** A shell assignment earlier in the script: `PROD_DB="postgres://…"`, `export PROD_DB=…`. */
const ASSIGNMENT = /^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_]*)=(["']?)([^\n]*?)\2[ \t]*$/gm;

export function scanVercelEnvAdds(rec: Recorder): void {
  if (!VERCEL_ENV_KEYWORDS.some((keyword) => rec.file.hasKeyword(keyword))) return;
  const text = rec.file.text;
  const assigned = new Map<string, string>();
  for (const match of text.matchAll(ASSIGNMENT)) if (!assigned.has(match[1]!)) assigned.set(match[1]!, match[3]!);
  const adds = [
    ...[...text.matchAll(PIPED)].map((match) => ({ value: match[3]!, name: match[4]!, target: match[5]!, start: match.index, end: match.index + match[0].length })),
    ...[...text.matchAll(HERE_STRING)].map((match) => ({ value: match[4]!, name: match[1]!, target: match[2]!, start: match.index, end: match.index + match[0].length })),
  ];
  for (const add of adds) {
    // The value as the shell sees it: a whole `$VAR` or `${VAR}` is the script's own assignment, when it has one.
    const reference = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/.exec(add.value.trim());
    const value = reference ? assigned.get(reference[1]!) : add.value;
    if (!value) continue;
    const tag = namedTag(add.target, 'key');
    if (!tag.environment || tag.environment === 'base') continue;
    for (const identity of identifyValue(value, { variable: add.name, path: [add.name] })) {
      rec.resource(tag, identity, rec.file.spanOf(add.start, add.end), { variable: `vercel env add ${add.name} ${add.target}` });
    }
  }
}
