// Data stores a repository deploys and the backups it configures.
import type { Location } from '../model.js';

export type BackupProtection =
  | 'none'
  | 'same-volume'
  | 'provider-managed'
  | 'same-account-other-region'
  | 'other-account'
  | 'off-provider'
  | 'destination-unknown';

export interface DataStore {
  id: string;
  /** Platform that holds the data (`railway`, `aws`, `supabase`, `kubernetes`, `docker-compose`...). */
  platform: string;
  /** Engine or service (`postgres`, `mysql`, `s3`, `volume`...). */
  engine: string;
  name: string;
  environment?: string;
  location: Location;
  /** Identities another fact may use to refer to this store (hostnames, volume ids, bucket names). */
  identities: string[];
  /** Test-only stores (CI compose files, test databases) are never production stores. */
  testOnly: boolean;
  /** The strongest protection found for it (set by the backup stage once evidence is matched). */
  protection?: BackupProtection;
}

export interface BackupEvidence {
  /** Store ids or identities this evidence covers; empty means "whatever the job dumps" (matched by engine). */
  covers: string[];
  protection: BackupProtection;
  /** Tool or mechanism: `pg_dump`, `litestream`, `velero`, `aws-backup`, `provider-snapshots`... */
  mechanism: string;
  /** Where the copy goes, when the repo shows it. */
  destination?: string;
  location: Location;
  /** A job that fetches a backup, restores it and checks it. */
  restoreTested: boolean;
}
