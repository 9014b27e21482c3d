// Volumes a script of one environment acts on by id: Railway's `volumeDelete(volumeId: "…")` and `railway volume`
// commands, `aws ec2 delete-volume --volume-id vol-…`, `fly volumes destroy vol_…`. A reset script for staging that
// names production's volume wipes production, and on Railway the volume's backups with it.
import type { Recorder } from '../recorder.js';
import { NON_PRODUCTION } from '../../model.js';
import { volumeIdentity } from '../../../../knowledge/environments/identities.js';
import type { FileClass } from '../files.js';

/** Lowercase literals one of which a script holds before any pattern runs on it (prefilter keywords of the detector). */
export const VOLUME_COMMAND_KEYWORDS = ['volumeid', 'volume-id', 'volume_id', 'fly volumes', 'flyctl volumes', 'railway volume'];

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** A volume id after the word that names it (`volumeId: \"…\"`, `--volume-id vol-…`, `volume_id=…`), or after a Fly volumes subcommand. */
const VOLUME_REFERENCE = new RegExp(
  `(?:volume[-_]?id\\\\?["']?\\s*[:=]?\\s*\\\\?["']?|(?:fly|flyctl)\\s+vol(?:ume)?s?\\s+(?:destroy|delete|rm|snapshots\\s+list|extend|fork)\\s+(?:-\\w+\\s+)*|railway\\s+volume\\s+(?:delete|detach|update)\\s+(?:--volume\\s+)?)(${UUID}|vol-[0-9a-f]{8}(?:[0-9a-f]{9})?|vol_[a-z0-9]{12,})\\b`,
  'gi',
);

export function scanVolumeCommands(rec: Recorder, cls: FileClass): void {
  // Only a script that belongs to one non-production environment by its path (`scripts/reset-staging.sh`): the
  // environment a generic script acts in is not written in it.
  if (!cls.tag.environment || !NON_PRODUCTION.has(cls.tag.environment)) return;
  // The prefilter has already looked for the keywords: no lower-cased copy of the script is needed to ask again.
  if (!VOLUME_COMMAND_KEYWORDS.some((keyword) => rec.file.hasKeyword(keyword))) return;
  for (const match of rec.file.text.matchAll(VOLUME_REFERENCE)) {
    const id = match[1]!;
    const identity = volumeIdentity(id);
    if (!identity) continue;
    const start = match.index + match[0].length - id.length;
    rec.resource(cls.tag, identity, rec.file.spanOf(start, start + id.length), { variable: 'volume id' });
  }
}
