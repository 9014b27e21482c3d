// Laravel Vapor's `vapor.yml`: each `environments.<name>` attaches resources of the team's AWS account by name: a
// `database` and a `cache` Vapor manages, and a `storage` S3 bucket (created on deploy when missing). A staging
// environment attaching production's by name runs on production's data. Networks are left out: environments share
// one VPC by design.
import type { DataDocument } from '../../../../src/parse/data-tree.js';
import { get, literalString } from '../../../../src/parse/data-tree.js';
import { bucketIdentity, vaporResourceIdentity, type ResourceIdentity } from '../../../../knowledge/environments/identities.js';
import type { FileClass } from '../files.js';
import { namedTag, type Recorder } from '../recorder.js';

const ATTACHED: ReadonlyArray<readonly [string, (name: string) => ResourceIdentity | undefined]> = [
  ['database', (name) => vaporResourceIdentity(name, 'database')],
  ['cache', (name) => vaporResourceIdentity(name, 'cache')],
  ['storage', (name) => bucketIdentity(name, 's3')],
];

export function scanVapor(rec: Recorder, cls: FileClass, document: DataDocument): void {
  const environments = get(document.roots[0], 'environments');
  if (environments?.kind !== 'map') return;
  for (const environment of environments.entries) {
    const tag = cls.tag.environment !== 'base' ? cls.tag : namedTag(environment.key, 'key');
    for (const [key, identify] of ATTACHED) {
      const node = get(environment.value, key);
      const name = literalString(node);
      const identity = name ? identify(name) : undefined;
      if (identity && node) rec.resource(tag, identity, node.span, { variable: key, declared: true });
    }
  }
}
