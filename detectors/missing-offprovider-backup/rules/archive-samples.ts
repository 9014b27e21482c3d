// PostgreSQL WAL archiving (`archive_mode = on` + `archive_command`) as the protection and restore rules' samples see
// it: the same self-hosted stack, with the command sending each segment to a path, to a tool, or off the server. Also
// Percona Backup for MongoDB, whose `pbm backup` goes where its config file says, as WAL-G's push does.
import type { Sample } from '../../../src/model.js';

/** A VPS stack brought up over ssh: Postgres reads the repository's postgresql.conf. */
const COMPOSE = `services:
  db:
    image: postgres:16
    restart: unless-stopped
    command: ["postgres", "-c", "config_file=/etc/postgresql/postgresql.conf"]
    environment:
      POSTGRES_DB: ledger
      POSTGRES_PASSWORD_FILE: /run/secrets/pg_password
    volumes:
      - pgdata:/var/lib/postgresql/data
      - ./postgres/postgresql.conf:/etc/postgresql/postgresql.conf:ro
  api:
    image: ghcr.io/acme/ledger-api:latest
    environment:
      DATABASE_URL: postgres://ledger@db:5432/ledger
volumes:
  pgdata:
`;

const CONF = (mode: string, command: string) => `listen_addresses = '*'
max_connections = 100
shared_buffers = 1GB
wal_level = replica
archive_mode = ${mode}
archive_command = '${command}'
archive_timeout = 60
`;

const stack = (conf: string, extra: Record<string, string> = {}): Record<string, string> => ({
  'docker-compose.prod.yml': COMPOSE,
  'postgres/postgresql.conf': conf,
  'deploy/deploy.sh': '#!/bin/bash\nset -euo pipefail\nssh deploy@ledger.acme.io "cd /srv/ledger && docker compose -f docker-compose.prod.yml up -d"\n',
  ...extra,
});

const WALG_B2 = 'WALG_S3_PREFIX=s3://acme-ledger-wal/prod\nAWS_ENDPOINT=https://s3.eu-central-003.backblazeb2.com\nAWS_REGION=eu-central-003\nWALG_COMPRESSION_METHOD=brotli\n';
const WALG_LOCAL = 'WALG_FILE_PREFIX=/var/lib/postgresql/wal-g\nWALG_COMPRESSION_METHOD=lz4\n';

/** The compose stack setting archiving on Postgres' command line, rsyncing each segment to a backup host. */
const COMPOSE_RSYNC = `services:
  db:
    image: postgres:16
    command: >
      postgres -c wal_level=replica -c archive_mode=on
      -c 'archive_command=rsync -a %p wal@backup.acme.net:/srv/wal/ledger/%f'
    volumes:
      - pgdata:/var/lib/postgresql/data
volumes:
  pgdata:
`;

/** A StatefulSet reading its postgresql.conf from a ConfigMap, archiving beside the data on the same claim. */
const K8S_ARCHIVE = (command: string) => `apiVersion: v1
kind: ConfigMap
metadata:
  name: postgres-config
  namespace: ledger
data:
  postgresql.conf: |
    listen_addresses = '*'
    wal_level = replica
    archive_mode = 'on'
    archive_command = '${command}'
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: postgres
  namespace: ledger
spec:
  serviceName: postgres
  replicas: 1
  selector:
    matchLabels: { app: postgres }
  template:
    metadata:
      labels: { app: postgres }
    spec:
      containers:
        - name: postgres
          image: postgres:16
          args: ["-c", "config_file=/etc/postgresql/postgresql.conf"]
          volumeMounts:
            - { name: data, mountPath: /var/lib/postgresql/data }
            - { name: config, mountPath: /etc/postgresql }
      volumes:
        - name: config
          configMap: { name: postgres-config }
  volumeClaimTemplates:
    - metadata:
        name: data
      spec:
        accessModes: ["ReadWriteOnce"]
        resources:
          requests:
            storage: 50Gi
`;

/** geerlingguy.postgresql's settings list, with pgBackRest pushing the WAL to its repository. */
const ANSIBLE_SITE = '- hosts: dbservers\n  become: true\n  roles:\n    - geerlingguy.postgresql\n';
const ANSIBLE_VARS = `postgresql_databases:
  - name: billing
postgresql_global_config_options:
  - option: listen_addresses
    value: "*"
  - option: archive_mode
    value: "on"
  - option: archive_command
    value: "pgbackrest --stanza=billing archive-push %p"
`;
const ANSIBLE_TASKS = '- name: Install PostgreSQL\n  ansible.builtin.apt:\n    name:\n      - postgresql-16\n      - pgbackrest\n    state: present\n';
const PGBACKREST_S3 = '[global]\nrepo1-type=s3\nrepo1-s3-bucket=acme-billing-pgbackrest\nrepo1-s3-endpoint=s3.eu-central-003.backblazeb2.com\nrepo1-s3-region=eu-central-003\nrepo1-path=/billing\nrepo1-retention-full=4\n\n[billing]\npg1-path=/var/lib/postgresql/16/main\n';

/** An app chart with Bitnami's PostgreSQL as a dependency, its conf extended through `primary.extendedConfiguration`. */
const BITNAMI_CHART = 'apiVersion: v2\nname: shop\nversion: 1.4.0\ndependencies:\n  - name: postgresql\n    version: 15.5.0\n    repository: oci://registry-1.docker.io/bitnamicharts\n    condition: postgresql.enabled\n';
const BITNAMI_VALUES = (command: string) => `image:
  repository: ghcr.io/acme/shop
postgresql:
  enabled: true
  auth:
    database: shop
  primary:
    persistence:
      enabled: true
      size: 50Gi
    extendedConfiguration: |
      wal_level = replica
      archive_mode = on
      archive_command = '${command}'
`;
const HELM_DEPLOY = 'on:\n  push:\n    branches: [main]\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - uses: actions/checkout@v4\n      - run: helm dependency build charts/shop\n      - run: helm upgrade --install shop charts/shop -n shop-prod\n';

/** A MongoDB server from packages, backed up nightly by PBM (`pbm backup`) to the storage of its config file. */
const PBM_TASKS = '- name: Install MongoDB\n  ansible.builtin.apt:\n    name:\n      - mongodb-org\n      - percona-backup-mongodb\n    state: present\n\n- name: Nightly PBM backup\n  ansible.builtin.cron:\n    name: pbm backup\n    hour: "2"\n    job: "pbm backup --compression=s2"\n';
const pbm = (config?: string): Record<string, string> => ({
  'site.yml': '- hosts: mongo\n  become: true\n  roles:\n    - mongo\n',
  'roles/mongo/tasks/main.yml': PBM_TASKS,
  ...(config ? { 'roles/mongo/files/pbm_config.yaml': config } : {}),
});
const PBM_B2 = 'storage:\n  type: s3\n  s3:\n    region: eu-central-003\n    bucket: acme-events-pbm\n    prefix: prod\n    endpointUrl: https://s3.eu-central-003.backblazeb2.com\npitr:\n  enabled: true\n';
const PBM_FILESYSTEM = 'storage:\n  type: filesystem\n  filesystem:\n    path: /data/pbm-backups\n';

/** An Ansible role templating postgresql.conf for WAL-G, with WAL-G's settings as the group's variables (lowercase). */
const ANSIBLE_WALG_TASKS = '- name: Install PostgreSQL\n  ansible.builtin.apt:\n    name:\n      - postgresql-16\n    state: present\n\n- name: Configure PostgreSQL\n  ansible.builtin.template:\n    src: postgresql.conf.j2\n    dest: /etc/postgresql/16/main/postgresql.conf\n\n- name: Nightly base backup\n  ansible.builtin.cron:\n    name: wal-g backup-push\n    user: postgres\n    hour: "1"\n    job: "envdir /etc/wal-g.d/env wal-g backup-push /var/lib/postgresql/16/main"\n';
const ansibleWalg = (vars: string): Record<string, string> => ({
  'site.yml': '- hosts: dbservers\n  become: true\n  roles:\n    - postgres\n',
  'group_vars/dbservers.yml': `postgres_version: 16\nwalg_version: v3.0.3\n${vars}`,
  'roles/postgres/tasks/main.yml': ANSIBLE_WALG_TASKS,
  'roles/postgres/templates/postgresql.conf.j2': CONF('on', 'envdir /etc/wal-g.d/env wal-g wal-push %p'),
});

export const ARCHIVE_SAME_VOLUME: Sample[] = [
  {
    files: stack(CONF('on', 'test ! -f /var/lib/postgresql/archive/%f && cp %p /var/lib/postgresql/archive/%f')),
    expect: { path: 'docker-compose.prod.yml', line: 2 },
    note: "the documentation's archive_command: each WAL segment copied to a directory of the database server",
  },
  {
    files: stack(CONF('on', 'wal-g wal-push %p'), { 'postgres/walg.env': WALG_LOCAL }),
    expect: { path: 'docker-compose.prod.yml', line: 2 },
    note: 'WAL-G pushes the WAL, and its settings keep it on the same disk (WALG_FILE_PREFIX)',
  },
  {
    files: stack(CONF('on', 'wal-g wal-push %p'), { 'postgres/walg.env': WALG_LOCAL, 'scripts/crontab': '30 2 * * * docker compose -f /srv/ledger/docker-compose.prod.yml exec -T db wal-g backup-push /var/lib/postgresql/data\n' }),
    expect: { path: 'docker-compose.prod.yml', line: 2 },
    note: "a nightly `wal-g backup-push` with no prefix in its own environment goes where WAL-G's settings say: the same disk",
  },
  {
    files: { 'k8s/production/postgres.yaml': K8S_ARCHIVE('cp %p /var/lib/postgresql/data/archive/%f') },
    expect: { path: 'k8s/production/postgres.yaml', line: 14 },
    note: "a ConfigMap's postgresql.conf archiving onto the claim that holds the data",
  },
  {
    files: { 'charts/shop/Chart.yaml': BITNAMI_CHART, 'charts/shop/values.yaml': BITNAMI_VALUES('cp %p /bitnami/postgresql/archive/%f'), '.github/workflows/deploy.yml': HELM_DEPLOY },
    expect: { path: 'charts/shop/Chart.yaml', line: 5 },
    note: "Bitnami's chart with archiving in `primary.extendedConfiguration`, onto the data volume",
  },
  {
    files: ansibleWalg('walg_file_prefix: /var/lib/postgresql/wal-g\n'),
    expect: { path: 'roles/postgres/tasks/main.yml', line: 2 },
    note: "an Ansible role's WAL-G variables, spelled in lowercase, keep the WAL and base backups on the server's disk",
  },
  { files: pbm(PBM_FILESYSTEM), expect: { path: 'roles/mongo/tasks/main.yml', line: 2 }, note: "PBM's storage is a directory of the MongoDB servers (`type: filesystem`)" },
];

/** Archiving off the server: near misses of the same-volume samples (and off-provider copies no drill restores). */
export const ARCHIVE_OFFSITE: Sample[] = [
  {
    files: { 'charts/shop/Chart.yaml': BITNAMI_CHART, 'charts/shop/values.yaml': BITNAMI_VALUES('gsutil -q cp %p gs://acme-shop-wal/%f'), '.github/workflows/deploy.yml': HELM_DEPLOY },
    note: "Bitnami's chart archiving each segment to a Cloud Storage bucket",
  },
  {
    files: stack(CONF('on', 'aws s3 cp %p s3://acme-ledger-wal/%f --endpoint-url https://s3.eu-central-003.backblazeb2.com')),
    note: 'each WAL segment uploaded to Backblaze B2 with the AWS CLI',
  },
  {
    files: stack(CONF('on', 'wal-g wal-push %p'), { 'postgres/walg.env': WALG_B2 }),
    note: "WAL-G's storage, in its env file, is a Backblaze B2 bucket",
  },
  {
    files: { 'docker-compose.prod.yml': COMPOSE_RSYNC, 'deploy.sh': '#!/bin/sh\nssh root@ledger.acme.io "cd /srv/ledger && docker compose -f docker-compose.prod.yml up -d"\n' },
    note: "archiving set on Postgres' command line, rsyncing each segment to a backup host",
  },
  {
    files: { 'site.yml': ANSIBLE_SITE, 'group_vars/dbservers.yml': ANSIBLE_VARS, 'roles/postgres/tasks/main.yml': ANSIBLE_TASKS, 'roles/postgres/files/pgbackrest.conf': PGBACKREST_S3 },
    note: "an Ansible role's settings list: pgBackRest pushes the WAL, its repository is an S3 bucket at Backblaze",
  },
];

export const PBM_OFFSITE: Sample = { files: pbm(PBM_B2), note: "PBM's storage is a Backblaze B2 bucket, through its S3 endpoint" };

export const ARCHIVE_UNTESTED: Sample[] = [
  {
    files: ansibleWalg('walg_s3_prefix: s3://acme-ledger-wal/prod\nwalg_aws_endpoint: https://s3.eu-central-003.backblazeb2.com\n'),
    expect: { path: 'roles/postgres/tasks/main.yml', line: 2 },
    note: "an Ansible role's WAL-G variables (lowercase) send the WAL and base backups to Backblaze B2",
  },
  { ...PBM_OFFSITE, expect: { path: 'roles/mongo/tasks/main.yml', line: 2 } },
  { ...ARCHIVE_OFFSITE[1]!, expect: { path: 'docker-compose.prod.yml', line: 2 } },
  { ...ARCHIVE_OFFSITE[3]!, expect: { path: 'docker-compose.prod.yml', line: 2 } },
];

/** WAL-G archives, but its settings (WALG_S3_PREFIX...) are not in the repo. */
export const ARCHIVE_DESTINATION_UNKNOWN: Sample = {
  files: stack(CONF('on', '/usr/bin/envdir /etc/wal-g.d/env /usr/local/bin/wal-g wal-push "$PGDATA/%p"')),
  expect: { path: 'docker-compose.prod.yml', line: 2 },
  note: "WAL-G pushes the WAL through envdir, whose settings directory is on the server, not in the repo",
};

/** The Ansible role's settings list with pgBackRest, whose repository is configured on the server, not in the repo. */
export const ARCHIVE_ANSIBLE_UNKNOWN: Sample = {
  files: { 'site.yml': ANSIBLE_SITE, 'group_vars/dbservers.yml': ANSIBLE_VARS, 'roles/postgres/tasks/main.yml': ANSIBLE_TASKS },
  expect: { path: 'roles/postgres/tasks/main.yml', line: 2 },
  note: "an Ansible role's `option: archive_command` / `value:` pair: pgBackRest pushes the WAL to a repository the repo does not show",
};

/** `pbm backup` with no PBM config in the repo: the storage is configured on the cluster. */
export const PBM_DESTINATION_UNKNOWN: Sample = {
  files: pbm(),
  expect: { path: 'roles/mongo/tasks/main.yml', line: 2 },
  note: "a nightly `pbm backup` whose storage (`pbm config`) is set on the cluster, not in the repo",
};

/** An archive_command that never runs: archive_mode is off (the default). */
export const ARCHIVE_MODE_OFF: Sample = {
  files: stack(CONF('off', 'aws s3 cp %p s3://acme-ledger-wal/%f --endpoint-url https://s3.eu-central-003.backblazeb2.com')),
  expect: { path: 'docker-compose.prod.yml', line: 2 },
  note: 'archive_command is set, but archive_mode is off: nothing is archived',
};
