// Sample repositories of apps that back up from inside the app (spatie/laravel-backup, django-dbbackup), shared by the
// protection rules' samples.
import type { Sample } from '../../../src/model.js';

const LARAVEL_ENV = (storage: string) =>
  `APP_NAME="Acme Shop"\nAPP_ENV=production\nAPP_KEY=\n\nDB_CONNECTION=mysql\nDB_HOST=db-mysql-nyc3-81234-do-user-1234567-0.b.db.ondigitalocean.com\nDB_PORT=25060\nDB_DATABASE=shop\nDB_USERNAME=doadmin\nDB_PASSWORD=\n\n${storage}`;

const LARAVEL_FILESYSTEMS = `<?php

return [

    'default' => env('FILESYSTEM_DISK', 'local'),

    'disks' => [

        'local' => [
            'driver' => 'local',
            'root' => storage_path('app/private'),
            'throw' => false,
        ],

        's3' => [
            'driver' => 's3',
            'key' => env('AWS_ACCESS_KEY_ID'),
            'secret' => env('AWS_SECRET_ACCESS_KEY'),
            'region' => env('AWS_DEFAULT_REGION'),
            'bucket' => env('AWS_BUCKET'),
            'url' => env('AWS_URL'),
            'endpoint' => env('AWS_ENDPOINT'),
            'use_path_style_endpoint' => env('AWS_USE_PATH_STYLE_ENDPOINT', false),
        ],

        // Off-site database backups (spatie/laravel-backup).
        'b2' => [
            'driver' => 's3',
            'key' => env('B2_ACCESS_KEY_ID'),
            'secret' => env('B2_SECRET_ACCESS_KEY'),
            'region' => env('B2_DEFAULT_REGION'),
            'bucket' => env('B2_BUCKET'),
            'endpoint' => env('B2_ENDPOINT'),
        ],

    ],

];
`;

const LARAVEL_BACKUP = (disk: string) => `<?php

return [

    'backup' => [
        'name' => env('APP_NAME', 'laravel-backup'),

        'source' => [
            'files' => [
                'include' => [base_path()],
                'exclude' => [base_path('vendor'), base_path('node_modules')],
            ],

            'databases' => [
                env('DB_CONNECTION', 'mysql'),
            ],
        ],

        'destination' => [
            'compression_method' => ZipArchive::CM_DEFAULT,
            'filename_prefix' => '',
            'disks' => [
                ${disk},
            ],
        ],

        'temporary_directory' => storage_path('app/backup-temp'),
    ],

    'monitor_backups' => [
        [
            'name' => env('APP_NAME', 'laravel-backup'),
            'disks' => ['local'],
        ],
    ],
];
`;

const FORGE_DEPLOY = 'name: Deploy\non:\n  push:\n    branches: [main]\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - run: composer global require laravel/forge-cli\n      - run: forge deploy shop.acme.test\n        env:\n          FORGE_API_TOKEN: ${{ secrets.FORGE_API_TOKEN }}\n';

function laravelApp(disk: string, storage: string): Sample['files'] {
  return {
    '.env.example': LARAVEL_ENV(storage),
    'config/filesystems.php': LARAVEL_FILESYSTEMS,
    'config/backup.php': LARAVEL_BACKUP(disk),
    '.github/workflows/deploy.yml': FORGE_DEPLOY,
  };
}

const RENDER_DJANGO = `databases:
  - name: invoices-db
    databaseName: invoices
    plan: basic-1gb

services:
  - type: web
    name: invoices-web
    runtime: python
    startCommand: "gunicorn acme.wsgi:application"
    envVars:
      - key: DATABASE_URL
        fromDatabase:
          name: invoices-db
          property: connectionString
  - type: cron
    name: invoices-dbbackup
    runtime: python
    schedule: "0 3 * * *"
    startCommand: "python manage.py dbbackup --clean"
    envVars:
      - key: DATABASE_URL
        fromDatabase:
          name: invoices-db
          property: connectionString
`;

const DJANGO_SETTINGS = (storage: string) => `import os

import dj_database_url

DEBUG = False
INSTALLED_APPS = ["django.contrib.auth", "django.contrib.contenttypes", "storages", "dbbackup", "invoices"]

DATABASES = {"default": dj_database_url.config(conn_max_age=600)}

${storage}
`;

const DBBACKUP_S3 = `STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    "dbbackup": {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": "acme-invoices-dbbackup",
            "access_key": os.environ.get("DBBACKUP_AWS_ACCESS_KEY_ID"),
            "secret_key": os.environ.get("DBBACKUP_AWS_SECRET_ACCESS_KEY"),
        },
    },
}`;

const DBBACKUP_LOCAL = `DBBACKUP_STORAGE = "django.core.files.storage.FileSystemStorage"
DBBACKUP_STORAGE_OPTIONS = {"location": "/var/backups/invoices/"}`;

const FLY_NOTES = 'app = "acme-notes"\nprimary_region = "ams"\n\n[env]\n  DJANGO_SETTINGS_MODULE = "notes.settings"\n  AWS_S3_ENDPOINT_URL = "https://s3.eu-central-003.backblazeb2.com"\n\n[[mounts]]\n  source = "notes_data"\n  destination = "/data"\n';
const NOTES_SETTINGS = `import environ

env = environ.Env()

INSTALLED_APPS = ["django.contrib.auth", "storages", "dbbackup", "notes"]
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": "/data/notes.sqlite3"}}

AWS_S3_ENDPOINT_URL = env("AWS_S3_ENDPOINT_URL", default=None)
AWS_STORAGE_BUCKET_NAME = "acme-notes-backups"

DBBACKUP_STORAGE = "storages.backends.s3boto3.S3Boto3Storage"
`;

/** django-dbbackup with django-storages' global settings, its endpoint set by the Fly app's environment. */
const DJANGO_ON_FLY: Sample = {
  files: { 'fly.toml': FLY_NOTES, 'notes/settings.py': NOTES_SETTINGS },
  note: "django-dbbackup's S3 storage takes the global AWS_S3_ENDPOINT_URL, which fly.toml points at Backblaze B2",
};
/** A store whose app-level backup stays beside the app: its only copies are still the provider's. */
export const APP_BACKUP_PROVIDER_ONLY: Sample[] = [
  {
    files: laravelApp("'local'", 'B2_BUCKET=acme-shop-backups\n'),
    expect: { path: '.env.example', line: 6 },
    note: "a Laravel app deployed with Forge: spatie/laravel-backup writes to the app server's `local` disk, so the DigitalOcean database has only DigitalOcean's backups",
  },
  {
    files: { '.env.example': LARAVEL_ENV(''), 'config/backup.php': LARAVEL_BACKUP("'local'"), '.github/workflows/deploy.yml': FORGE_DEPLOY },
    expect: { path: '.env.example', line: 6 },
    note: "spatie/laravel-backup to the skeleton's `local` disk, with config/filesystems.php left as Laravel ships it (not committed)",
  },
  {
    files: { 'render.yaml': RENDER_DJANGO, 'acme/settings.py': DJANGO_SETTINGS(DBBACKUP_LOCAL) },
    expect: { path: 'render.yaml', line: 2 },
    note: "django-dbbackup to a FileSystemStorage location on the app's own disk",
  },
];

/** The same apps backing up to another provider. */
export const APP_BACKUP_OFF_PROVIDER: Sample[] = [
  {
    files: laravelApp("'b2'", 'B2_BUCKET=acme-shop-backups\nB2_ENDPOINT=\n'),
    note: 'spatie/laravel-backup to a disk named for Backblaze B2 (its endpoint left to the environment)',
  },
  {
    files: laravelApp("'s3'", 'AWS_BUCKET=acme-shop-backups\nAWS_ENDPOINT=https://s3.us-west-004.backblazeb2.com\n'),
    note: "spatie/laravel-backup to the standard `s3` disk, whose endpoint the app's env file points at Backblaze B2",
  },
  {
    files: { 'render.yaml': RENDER_DJANGO, 'acme/settings.py': DJANGO_SETTINGS(DBBACKUP_S3) },
    note: "django-dbbackup's STORAGES['dbbackup'] writes to an S3 bucket: off Render",
  },
  DJANGO_ON_FLY,
  {
    files: {
      'render.yaml': RENDER_DJANGO,
      'acme/settings/base.py': DJANGO_SETTINGS('STORAGES = {"default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}'),
      'acme/settings/production.py': 'from .base import *  # noqa: F401,F403\n\nSTORAGES["dbbackup"] = {\n    "BACKEND": "storages.backends.gcloud.GoogleCloudStorage",\n    "OPTIONS": {"bucket_name": "acme-invoices-dbbackup"},\n}\n',
    },
    note: "production's settings add a Google Cloud Storage `dbbackup` storage to the base's STORAGES",
  },
];


/** Off-provider app-level backups, where the rule on restore drills then speaks (it names the database's line). */
export const APP_BACKUP_UNTESTED: Sample[] = APP_BACKUP_OFF_PROVIDER.map((sample) => ({
  ...sample,
  expect: 'render.yaml' in sample.files ? { path: 'render.yaml', line: 2 } : 'fly.toml' in sample.files ? { path: 'fly.toml', line: 8 } : { path: '.env.example', line: 6 },
}));

const STAGING_ENV = (host: string) => `APP_ENV=staging\nNODE_ENV=production\nDATABASE_URL=postgres://orders:\${DB_PASSWORD}@${host}:5432/orders\n`;
const ORDERS_PACKAGE = '{\n  "name": "orders-api",\n  "private": true,\n  "dependencies": {\n    "express": "^4.19.2",\n    "pg": "^8.11.5"\n  }\n}\n';

/** Production's database, known only from the staging env file that points at it. */
export const STAGING_REACHES_PRODUCTION_STORE: Sample = {
  files: { '.env.staging': STAGING_ENV('orders-prod.c8xk2lq9w1ab.eu-west-1.rds.amazonaws.com'), 'package.json': ORDERS_PACKAGE },
  expect: { path: '.env.staging', line: 3 },
  note: "staging's env file points at an RDS instance named for production: production's store, whose backups stay in the AWS account",
};

export const STAGING_OWN_STORE: Sample = {
  files: { '.env.staging': STAGING_ENV('orders-staging.c8xk2lq9w1ab.eu-west-1.rds.amazonaws.com'), 'package.json': ORDERS_PACKAGE },
  note: "staging's own database: not a production store",
};
