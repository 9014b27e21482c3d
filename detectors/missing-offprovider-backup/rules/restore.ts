// The rule on backups nobody restores: an off-provider copy exists, but no job fetches one back, loads it into a
// scratch database and checks it.
import type { RuleMeta } from '../../../src/model.js';
import { APP_BACKUP_UNTESTED } from './app-backup-samples.js';
import { PERCONA_UNTESTED } from './operator-samples.js';
import { ARCHIVE_UNTESTED } from './archive-samples.js';
import { ACTIVE_STORAGE_UNTESTED } from './active-storage-samples.js';

const FLY = `app = "acme-notes"
primary_region = "ams"

[[mounts]]
  source = "notes_data"
  destination = "/data"
`;

const LITESTREAM = `dbs:
  - path: /data/notes.db
    replicas:
      - type: s3
        bucket: acme-notes-litestream
        path: notes.db
        endpoint: https://s3.eu-central-003.backblazeb2.com
`;

const DRILL = `name: Restore drill
on:
  schedule:
    - cron: "0 6 * * 1"
jobs:
  restore:
    runs-on: ubuntu-latest
    steps:
      - run: curl -fsSL https://github.com/benbjohnson/litestream/releases/download/v0.3.13/litestream-v0.3.13-linux-amd64.tar.gz | tar xz
      - run: ./litestream restore -o restored.db s3://acme-notes-litestream/notes.db
      - run: sqlite3 restored.db "PRAGMA integrity_check; select count(*) from notes;"
`;

/** A droplet whose Postgres lives on an attached volume, created with cloud-init user data. */
export const DROPLET_WITH_VOLUME =
  'resource "digitalocean_volume" "pgdata" {\n  region = "fra1"\n  name   = "brightline-pgdata-production"\n  size   = 100\n}\n\n' +
  'resource "digitalocean_droplet" "app" {\n  name      = "brightline-production"\n  image     = "ubuntu-24-04-x64"\n  size      = "s-2vcpu-4gb"\n  region    = "fra1"\n  backups   = true\n  user_data = file("${path.module}/../../cloud-init.yaml")\n}\n\n' +
  'resource "digitalocean_volume_attachment" "pgdata" {\n  droplet_id = digitalocean_droplet.app.id\n  volume_id  = digitalocean_volume.pgdata.id\n}\n';
/** cloud-init user data installing Postgres and a crontab that copies a dump off DigitalOcean. */
export const CLOUD_INIT_OFFSITE_CRON =
  '#cloud-config\npackage_update: true\npackages:\n  - postgresql-16\nwrite_files:\n  - path: /etc/cron.d/pg-offsite\n    content: |\n' +
  '      15 3 * * * postgres pg_dumpall | gzip | aws s3 cp - s3://brightline-db-backups/nightly.sql.gz --endpoint-url https://s3.eu-central-003.backblazeb2.com\n' +
  'runcmd:\n  - systemctl enable --now postgresql\n';

export const restoreRules: RuleMeta[] = [
  {
    id: 'missing-offprovider-backup/restore-never-tested',
    title: 'Backups exist but no restore is ever tested',
    severity: 'low',
    why: 'A backup nobody has restored is a hope: dumps that are empty, truncated, encrypted with a lost key or missing a schema are found out on the day they are needed. In the incident the newest recoverable copy turned out to be three months old.',
    fix: 'Add a scheduled job that fetches the latest backup, restores it into a scratch database (a CI service container, a throwaway cluster) and checks it (row counts, `pg_restore --list`, `PRAGMA integrity_check`); Litestream `validation-interval`, borgmatic `checks: [extract]` and AWS Backup restore testing also count.',
    precision: 'medium',
    tags: ['backup'],
    samples: {
      positive: [
        ...APP_BACKUP_UNTESTED,
        ...PERCONA_UNTESTED,
        ...ARCHIVE_UNTESTED,
        ACTIVE_STORAGE_UNTESTED,
        { files: { 'fly.toml': FLY, 'litestream.yml': LITESTREAM }, expect: { path: 'fly.toml', line: 4 } },
        {
          files: {
            'fly.toml': 'app = "acme-pastebin"\nprimary_region = "cdg"\n\n[env]\n  LITESTREAM_REPLICA_URL = "s3://acme-pastebin-litestream/pastebin.db"\n  LITESTREAM_ENDPOINT = "https://4f1c9a2b7d3e8f6a0b1c2d3e4f5a6b7c.r2.cloudflarestorage.com"\n\n[[mounts]]\n  source = "pastebin_data"\n  destination = "/data"\n',
            'litestream.yml': 'dbs:\n  - path: /data/pastebin.db\n    replicas:\n      - type: s3\n        url: ${LITESTREAM_REPLICA_URL}\n        endpoint: ${LITESTREAM_ENDPOINT}\n',
          },
          expect: { path: 'fly.toml', line: 8 },
          note: "Litestream's replica URL and endpoint expanded from fly.toml's [env]: the copy leaves Fly for R2, never restored",
        },
        {
          files: {
            'firebase.json': '{\n  "firestore": { "rules": "firestore.rules", "indexes": "firestore.indexes.json" }\n}\n',
            '.firebaserc': '{ "projects": { "default": "fitlog-prod", "staging": "fitlog-staging" } }\n',
            '.github/workflows/firestore-backup.yml':
              'name: firestore-backup\non:\n  schedule:\n    - cron: "0 3 * * *"\njobs:\n  export:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: google-github-actions/setup-gcloud@v2\n      - run: |\n          D=$(date +%F)\n          gcloud firestore export gs://fitlog-prod-firestore-exports/$D --project fitlog-prod\n          gcloud storage cp -r gs://fitlog-prod-firestore-exports/$D ./export\n          rclone copy ./export b2:fitlog-offsite/firestore/$D\n        env:\n          RCLONE_CONFIG_B2_TYPE: b2\n',
          },
          expect: { path: 'firebase.json', line: 2 },
          note: 'a Firestore export fetched and sent on to Backblaze B2 leaves Google Cloud, and is never restored',
        },
        {
          files: { 'envs/production/main.tf': DROPLET_WITH_VOLUME, 'cloud-init.yaml': CLOUD_INIT_OFFSITE_CRON },
          expect: { path: 'envs/production/main.tf', line: 1 },
          note: "cloud-init installs a crontab on the droplet that dumps Postgres to Backblaze B2: the copy leaves DigitalOcean, and is never restored",
        },
      ],
      negative: [{ files: { 'fly.toml': FLY, 'litestream.yml': LITESTREAM, '.github/workflows/restore-drill.yml': DRILL }, note: 'a weekly restore drill' }],
    },
  },
];
