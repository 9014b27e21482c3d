// Rails Active Storage on Cloudflare R2, picked by production's environment file: the protection and restore rules'
// samples. R2 keeps no object versions, so the bucket has no copy unless a Mirror writes one at another provider.
import type { Sample } from '../../../src/model.js';

const STORAGE = `test:
  service: Disk
  root: <%= Rails.root.join("tmp/storage") %>

local:
  service: Disk
  root: <%= Rails.root.join("storage") %>

cloudflare:
  service: S3
  endpoint: https://<%= Rails.application.credentials.dig(:cloudflare, :account_id) %>.r2.cloudflarestorage.com
  access_key_id: <%= Rails.application.credentials.dig(:cloudflare, :access_key_id) %>
  secret_access_key: <%= Rails.application.credentials.dig(:cloudflare, :secret_access_key) %>
  region: auto
  bucket: bookshelf-uploads-<%= Rails.env %>

amazon_backup:
  service: S3
  access_key_id: <%= Rails.application.credentials.dig(:aws, :access_key_id) %>
  secret_access_key: <%= Rails.application.credentials.dig(:aws, :secret_access_key) %>
  region: us-east-1
  bucket: bookshelf-uploads-backup

mirrored:
  service: Mirror
  primary: cloudflare
  mirrors: [ amazon_backup ]
`;

const PRODUCTION = (service: string) => `require "active_support/core_ext/integer/time"

Rails.application.configure do
  config.enable_reloading = false
  config.eager_load = true
  config.active_storage.service = :${service}
  config.force_ssl = true
end
`;

const app = (service: string, extra: Record<string, string> = {}): Record<string, string> => ({
  'config/storage.yml': STORAGE,
  'config/environments/production.rb': PRODUCTION(service),
  Gemfile: 'source "https://rubygems.org"\ngem "rails", "~> 7.1"\ngem "aws-sdk-s3", require: false\n',
  ...extra,
});

export const ACTIVE_STORAGE_R2: Sample = {
  files: app('cloudflare'),
  expect: { path: 'config/storage.yml', line: 9 },
  note: 'production stores uploads with Active Storage on Cloudflare R2, which keeps no versions',
};

/** Near misses: production mirrors the R2 bucket to S3, or uses the disk (R2 only in development). */
export const ACTIVE_STORAGE_COPIED: Sample[] = [
  { files: app('mirrored'), note: "a Mirror service writes every upload to R2 and to an S3 bucket: the copy is at another provider" },
  {
    files: app('local', { 'config/environments/development.rb': 'Rails.application.configure do\n  config.active_storage.service = :cloudflare\nend\n' }),
    note: 'only development picks the R2 service',
  },
];

export const ACTIVE_STORAGE_UNTESTED: Sample = { ...ACTIVE_STORAGE_COPIED[0]!, expect: { path: 'config/storage.yml', line: 9 } };
