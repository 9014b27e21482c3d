// The environment a credential's block names in a file that keeps several environments side by side: Rails'
// database.yml and Sequelize's config.json (`development:`, `staging:`, `production:` at the top), Flask's
// configuration classes (`class StagingConfig(Config):`). The file's name says nothing of it.
import type { SourceFile } from '../../src/model.js';
import { canonicalEnvironment, environmentOfClassOpening, type CanonicalEnvironment } from '../../knowledge/environments/names.js';

const BLOCK_FORMATS = new Set(['yaml', 'json', 'toml']);

export function environmentOfBlock(file: SourceFile, line: number): CanonicalEnvironment | undefined {
  if (file.format === 'python') return environmentOfClass(file, line);
  if (!BLOCK_FORMATS.has(file.format)) return undefined;
  const root = file.data()?.roots[0];
  if (!root || root.kind !== 'map') return undefined;
  // Two top-level keys naming environments make it a file of environments; one alone may be any other key.
  let named = 0;
  let found: CanonicalEnvironment | undefined;
  for (const entry of root.entries) {
    const environment = canonicalEnvironment(entry.key);
    if (!environment || environment === 'base') continue;
    named++;
    if (entry.keySpan.line <= line && line <= entry.value.span.endLine) found = environment;
  }
  return named >= 2 ? found : undefined;
}

/** The class a line of a Python module sits in, when its name names an environment (`ProductionConfig`). */
function environmentOfClass(file: SourceFile, line: number): CanonicalEnvironment | undefined {
  if (!file.text.includes('class ')) return undefined;
  let byLine = CLASS_ENVIRONMENTS.get(file);
  if (!byLine) CLASS_ENVIRONMENTS.set(file, (byLine = classEnvironmentsByLine(file)));
  return byLine[line - 1];
}

/**
 * Each line's class environment, read in one pass: a module's many credentials (a generated dict of thousands) must
 * not each walk back to their block's opening line.
 */
const CLASS_ENVIRONMENTS = new WeakMap<SourceFile, ReadonlyArray<CanonicalEnvironment | undefined>>();

function classEnvironmentsByLine(file: SourceFile): Array<CanonicalEnvironment | undefined> {
  const environments: Array<CanonicalEnvironment | undefined> = [];
  let current: CanonicalEnvironment | undefined;
  for (let number = 1; number <= file.lineStarts.length; number++) {
    const text = file.line(number);
    const first = text.charCodeAt(0);
    // Blank, indented and comment lines belong to whatever block is open; any other line at the margin closes it.
    if (text.trim() !== '' && first !== 32 && first !== 9 && first !== 35) current = environmentOfClassOpening(text)?.environment;
    environments.push(current);
  }
  return environments;
}
