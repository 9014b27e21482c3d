// Pulumi programs: a `StackReference` to a stack named outright (`new pulumi.StackReference("acme/data/prod")`) is
// read by every stack the program deploys, staging's included; the outputs the program takes from it
// (`requireOutput("databaseUrl")`) say what of production's it then uses. A reference built from the stack being
// deployed (`acme/data/${pulumi.getStack()}`) is each stack's own and names nothing here.
import { stackIdentity } from '../../../../knowledge/environments/identities.js';
import { namesDataStoreOutput } from '../../../../knowledge/environments/names.js';
import type { FileClass } from '../files.js';
import type { Recorder } from '../recorder.js';

export const PULUMI_PROGRAM_KEYWORD = 'StackReference';

/** `const data = new pulumi.StackReference("acme/data/prod")`, Python's `data = pulumi.StackReference("acme/data/prod")`. */
const REFERENCE = /(?:\b([A-Za-z_$][\w$]*)\s*(?::\s*[\w.<>]+\s*)?=\s*)?(?:new\s+)?(?:pulumi\.)?StackReference\(\s*(?:name\s*=\s*)?(["'`])([^"'`\n]+)\2/g;
/** `data.getOutput("dbUrl")`, `data.requireOutput("dbUrl")`, `data.get_output("db_url")`, `data.require_output(…)`, `getOutputDetails`. */
const OUTPUT = /\b([A-Za-z_$][\w$]*)\s*\.\s*(?:get|require)_?[Oo]utput(?:Value|Details|_details)?\(\s*["'`]([^"'`\n]+)["'`]/g;

export function scanPulumiProgram(rec: Recorder, cls: FileClass): void {
  const text = rec.file.text;
  if (!text.includes(PULUMI_PROGRAM_KEYWORD)) return;
  const directory = rec.file.path.includes('/') ? rec.file.path.slice(0, rec.file.path.lastIndexOf('/')) : '';
  const family = `pulumi:${directory}`;
  const base = cls.tag.environment === 'base';
  let outputs: Map<string, string[]> | undefined;
  for (const match of text.matchAll(REFERENCE)) {
    const name = match[3]!;
    // A name built from the stack being deployed, or from configuration, is no one stack here.
    if (match[2] === '`' && name.includes('${')) continue;
    const identity = stackIdentity('pulumi', name);
    if (!identity) continue;
    outputs ??= outputsByReference(text);
    const used = match[1] ? (outputs.get(match[1]) ?? []) : [];
    const line = rec.file.positionAt(match.index!).line;
    const variable = `StackReference("${name}")${used.length > 0 ? ` outputs ${used.map((output) => `"${output}"`).join(', ')}` : ''}`;
    const store = used.find((output) => namesDataStoreOutput(output));
    rec.resource(cls.tag, identity, { line, column: 1, endLine: line, endColumn: 1 }, { variable, family: base ? family : undefined, connectsTo: store ? `requireOutput("${store}")` : undefined });
  }
}

/** The outputs the program reads from each reference, by the variable holding it. */
function outputsByReference(text: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const match of text.matchAll(OUTPUT)) {
    const list = found.get(match[1]!) ?? [];
    if (!list.includes(match[2]!)) list.push(match[2]!);
    found.set(match[1]!, list);
  }
  return found;
}
