// AWS SAM CLI configuration (`samconfig.toml`, `samconfig.yaml`): `[<env>.<command>.parameters]` tables, one per
// environment `sam deploy --config-env <env>` can pick. Their `parameter_overrides` are the template's parameters
// for that environment (`DBHost="orders-prod.….rds.amazonaws.com"`), so a staging table naming production's
// database, secret or bucket gives staging's stack production's.
import type { DataDocument, DataNode, MapEntry, MapNode, ScalarNode } from '../../../../src/parse/data-tree.js';
import { get, literalString } from '../../../../src/parse/data-tree.js';
import type { FileClass } from '../files.js';
import { namedTag, type Recorder } from '../recorder.js';
import { walkSection } from '../tree.js';
import { walkOptions } from '../sections.js';

export function scanSamConfig(rec: Recorder, cls: FileClass, document: DataDocument): void {
  const root = document.roots[0];
  if (root?.kind !== 'map') return;
  for (const environment of root.entries) {
    if (environment.value.kind !== 'map') continue;
    // `default` is what a bare `sam deploy` uses: it names no environment, and the others do not inherit from it.
    const tag = cls.tag.environment !== 'base' ? cls.tag : namedTag(environment.key, 'key');
    for (const command of environment.value.entries) {
      const overrides = get(get(command.value, 'parameters'), 'parameter_overrides');
      if (!overrides) continue;
      const node: MapNode = { kind: 'map', span: overrides.span, entries: overrideEntries(overrides) };
      walkSection(rec, { node, path: [environment.key, command.key, 'parameters', 'parameter_overrides'], tag, role: 'plain', span: environment.keySpan }, { ...walkOptions(cls), envMaps: false });
    }
  }
}

/**
 * The pairs SAM CLI reads from `parameter_overrides`: one string of `Key=Value` words (values quoted when they hold
 * blanks, `ParameterKey=K,ParameterValue=V` the CloudFormation spelling), or a list of such strings. A pair is
 * placed on its own string's line; a one-string form puts them all on that line.
 */
function overrideEntries(node: DataNode): MapEntry[] {
  const strings: ScalarNode[] = node.kind === 'seq' ? node.items.filter((item): item is ScalarNode => item.kind === 'scalar') : node.kind === 'scalar' ? [node] : [];
  const entries: MapEntry[] = [];
  for (const scalar of strings) {
    const text = literalString(scalar);
    if (!text) continue;
    for (const match of text.matchAll(OVERRIDE)) {
      const key = match[1] ?? match[3]!;
      const quoted = match[2] ?? match[4]!;
      entries.push({ key, keySpan: scalar.span, value: { kind: 'scalar', value: unquote(quoted), span: scalar.span } });
    }
  }
  return entries;
}

const VALUE = String.raw`("(?:\\.|[^"\\])*"|'[^']*'|[^\s"']\S*)`;
const OVERRIDE = new RegExp(String.raw`(?:^|\s)(?:ParameterKey=([A-Za-z0-9]+),ParameterValue=${VALUE}|([A-Za-z0-9]+)=${VALUE})`, 'g');

function unquote(value: string): string {
  if (value.startsWith('"')) return value.slice(1, -1).replace(/\\(.)/g, '$1');
  if (value.startsWith("'")) return value.slice(1, -1);
  return value;
}
