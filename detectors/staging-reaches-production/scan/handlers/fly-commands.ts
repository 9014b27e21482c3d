// Fly Postgres attached to apps by command: `fly postgres attach reel-db --app reel-staging` gives the app a database
// on the Postgres app `reel-db`. An attach for a production app and one for a staging app (or a staging app's
// `DATABASE_URL` at `reel-db.flycast`) name one Postgres cluster: the environment of each attach is its app's name.
import type { Recorder } from '../recorder.js';
import { namedTag } from '../recorder.js';

/** Lowercase literals one of which a script holds before any pattern runs on it (prefilter keywords of the detector). */
export const FLY_COMMAND_KEYWORDS = ['postgres attach', 'pg attach'];

/** The variable an attach is recorded under, the app's name after it. */
export const FLY_ATTACH_VARIABLE = 'fly postgres attach --app ';

const ATTACH = /\b(?:fly|flyctl)\s+(?:postgres|pg)\s+attach\b([^\n`;&|]*)/g;
/** Options of `fly postgres attach` that take a value. */
const VALUED = new Set(['--app', '-a', '--config', '-c', '--database-name', '--database-user', '--variable-name', '--postgres-app']);

export function scanFlyAttach(rec: Recorder): void {
  if (!FLY_COMMAND_KEYWORDS.some((keyword) => rec.file.hasKeyword(keyword))) return;
  for (const match of rec.file.text.matchAll(ATTACH)) {
    const words = match[1]!.trim().split(/\s+/).filter(Boolean);
    let app: string | undefined;
    let postgres: string | undefined;
    for (let i = 0; i < words.length; i++) {
      const [flag, inline] = words[i]!.split('=', 2) as [string, string | undefined];
      if (flag === '--app' || flag === '-a') app = inline ?? words[++i];
      else if (flag === '--postgres-app') postgres = inline ?? words[++i];
      else if (VALUED.has(flag)) i += inline === undefined ? 1 : 0;
      else if (!flag.startsWith('-') && postgres === undefined) postgres = flag;
    }
    if (!app || !postgres || !/^[a-z][a-z0-9-]{1,62}$/.test(postgres) || /[${}]/.test(app)) continue;
    // An app named without an environment word (`--app reel-api`) is recorded unplaced: the Fly config declaring that
    // app places it once every file is read (`placeFlyAttachments`).
    const tag = namedTag(app, 'value');
    if (tag.environment === 'base') continue;
    const start = match.index;
    rec.resource(tag, { kind: 'database', identity: `fly-app:${postgres}`, otherIdentities: [], display: `Fly Postgres app ${postgres}`, name: postgres, secrets: [] }, rec.file.spanOf(start, start + match[0].length), { variable: `${FLY_ATTACH_VARIABLE}${app}` });
  }
}
