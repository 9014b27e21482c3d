// Jenkinsfiles (declarative and scripted): Groovy, read without a parser for what this detector needs, the
// stages named for an environment (`stage('Deploy to staging')`) and the credentials bound inside them by id
// (`withCredentials([string(credentialsId: 'prod-db-url', …)])`, `environment { DB = credentials('prod-db') }`,
// `sshagent(['prod-deploy-key'])`). A staging stage binding a production credential holds production's secret.
import { closingBracket } from '../../../../src/parse/brackets.js';
import { secretIdentity } from '../../../../knowledge/environments/identities.js';
import type { FileClass } from '../files.js';
import type { EnvTag, Recorder } from '../recorder.js';
import { jobNameTag } from './workflows.js';

interface Stage {
  tag: EnvTag | undefined;
  start: number;
  end: number;
}

const STAGE = /\bstage\s*\(\s*(['"])([^'"\n]+)\1\s*\)\s*\{/g;
/** A credential's id as a named argument (`credentialsId: 'x'`, `withAWS(credentials: 'x')`) or the `credentials('x')` helper. */
const CREDENTIAL = /\bcredentials(?:Id)?\s*(?::\s*|\(\s*)(['"])([^'"$\n]+)\1/g;
const SSH_AGENT = /\bsshagent\s*\(\s*(?:credentials\s*:\s*)?\[([^\]]*)\]/g;

export function scanJenkinsfile(rec: Recorder, cls: FileClass): void {
  const { code, structure } = masked(rec.file.text);
  const stages: Stage[] = [];
  for (const match of code.matchAll(STAGE)) {
    const open = match.index + match[0].length - 1;
    const end = closingBracket(structure, open, { quotes: '' });
    stages.push({ tag: jobNameTag(match[2]!), start: open, end: end === -1 ? code.length : end });
  }
  // A credential belongs to the innermost enclosing stage named for an environment (a neutral `stage('migrate')`
  // inside `stage('Deploy staging')` is staging's), else to the environment the file's path names.
  const placed = (offset: number): EnvTag | undefined => {
    let best: Stage | undefined;
    for (const stage of stages) if (stage.tag && stage.start < offset && offset < stage.end && (!best || stage.start > best.start)) best = stage;
    return best?.tag ?? (cls.tag.environment === 'base' ? undefined : cls.tag);
  };
  const record = (id: string, offset: number) => {
    const tag = placed(offset);
    if (tag) rec.resource(tag, secretIdentity(id, 'ci-secret'), rec.file.spanOf(offset, offset + id.length), { variable: 'credentialsId' });
  };
  for (const match of code.matchAll(CREDENTIAL)) record(match[2]!, match.index + match[0].length - match[2]!.length - 1);
  for (const match of code.matchAll(SSH_AGENT)) {
    const listStart = match.index + match[0].length - match[1]!.length - 1;
    for (const id of match[1]!.matchAll(/(['"])([^'"$\n]+)\1/g)) record(id[2]!, listStart + id.index + 1);
  }
}

/**
 * The text with comments blanked (`code`: an apostrophe in a comment opens no string, a commented-out binding counts
 * for nothing), and with strings blanked too (`structure`: braces in a shell script or a GString do not count when
 * stages are matched). Offsets are kept; strings may be single, double or triple quoted.
 */
function masked(text: string): { code: string; structure: string } {
  const code = text.split('');
  const structure = text.split('');
  const blank = (from: number, to: number, both: boolean) => {
    for (let at = from; at < to && at < text.length; at++) {
      if (text[at] === '\n') continue;
      structure[at] = ' ';
      if (both) code[at] = ' ';
    }
  };
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    if (char === '"' || char === "'") {
      const close = text.startsWith(char.repeat(3), i) ? char.repeat(3) : char;
      const start = i;
      i += close.length;
      while (i < text.length && !text.startsWith(close, i) && (close.length === 3 || text[i] !== '\n')) i += text[i] === '\\' ? 2 : 1;
      i += close.length;
      blank(start, i, false);
    } else if (text.startsWith('//', i)) {
      const end = text.indexOf('\n', i);
      const stop = end === -1 ? text.length : end;
      blank(i, stop, true);
      i = stop;
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      const stop = end === -1 ? text.length : end + 2;
      blank(i, stop, true);
      i = stop;
    } else i++;
  }
  return { code: code.join(''), structure: structure.join('') };
}
