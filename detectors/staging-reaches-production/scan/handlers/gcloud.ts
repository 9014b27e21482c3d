// `gcloud run deploy` commands in scripts and docs: the Cloud SQL instances a service connects to
// (`--add-cloudsql-instances project:region:instance`) and the Secret Manager secrets it mounts
// (`--set-secrets KEY=projects/<project>/secrets/<name>:latest`), in the environment the service or its project names.
import { canonicalEnvironment } from '../../../../knowledge/environments/names.js';
import { cloudSqlIdentity, secretIdentity } from '../../../../knowledge/environments/identities.js';
import type { FileClass } from '../files.js';
import type { EnvTag, Recorder } from '../recorder.js';

const RUN_DEPLOY = /\bgcloud\s+(?:beta\s+)?run\s+(?:deploy|services\s+update)\s+([a-z][a-z0-9-]*)((?:\\\n|[^\n])*)/g;
const OPTION = /--(add-cloudsql-instances|set-cloudsql-instances|set-secrets|update-secrets|project)(?:=|\s+)["']?([^\s"'\\]+)/g;

export function scanGcloudDeploys(rec: Recorder, cls: FileClass): void {
  const text = rec.file.text;
  if (!text.includes('gcloud')) return;
  for (const deploy of text.matchAll(RUN_DEPLOY)) {
    const service = deploy[1]!;
    const rest = deploy[2]!;
    const restAt = deploy.index + deploy[0].length - rest.length;
    const options = [...rest.matchAll(OPTION)];
    const project = options.find((option) => option[1] === 'project')?.[2];
    const named = canonicalEnvironment(service) ?? (project ? canonicalEnvironment(project) : undefined);
    const tag: EnvTag | undefined = named ? { environment: named, name: named === canonicalEnvironment(service) ? service : project!, evidence: 'value' } : cls.tag.environment !== 'base' ? cls.tag : undefined;
    if (!tag) continue;
    for (const option of options) {
      const valueAt = restAt + option.index + option[0].length - option[2]!.length;
      for (const [offset, item] of listItems(option[2]!)) {
        const span = rec.file.spanOf(valueAt + offset, valueAt + offset + item.length);
        if (option[1] === 'add-cloudsql-instances' || option[1] === 'set-cloudsql-instances') {
          const identity = cloudSqlIdentity(item);
          if (identity) rec.resource(tag, identity, span, { variable: `--${option[1]}` });
        } else if (option[1] === 'set-secrets' || option[1] === 'update-secrets') {
          // `KEY=projects/<project>/secrets/<name>:<version>`, or `KEY=<name>:<version>` in the service's own project.
          const reference = /=(?:projects\/([a-z][a-z0-9-]+)\/secrets\/)?([A-Za-z0-9_-]+)(?::[\w-]+)?$/.exec(item);
          if (reference) rec.resource(tag, secretIdentity(reference[1] ? `projects/${reference[1]}/secrets/${reference[2]}` : reference[2]!, 'gcp-secret-manager'), span, { variable: `--${option[1]}` });
        }
      }
    }
  }
}

/** A comma-separated option value's items, each with its offset in the value. */
function listItems(value: string): Array<[number, string]> {
  const items: Array<[number, string]> = [];
  let at = 0;
  for (const item of value.split(',')) {
    if (item) items.push([at, item]);
    at += item.length + 1;
  }
  return items;
}
