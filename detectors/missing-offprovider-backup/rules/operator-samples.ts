// Percona operator clusters with their backup storages, shared by the protection and restore rules' samples.
import type { Sample } from '../../../src/model.js';

const PXC = (storage: string, storageName: string) => `apiVersion: pxc.percona.com/v1
kind: PerconaXtraDBCluster
metadata:
  name: shop-db
  namespace: shop-production
spec:
  crVersion: 1.14.0
  secretsName: shop-db-secrets
  pxc:
    size: 3
    volumeSpec:
      persistentVolumeClaim:
        storageClassName: gp3
        resources:
          requests:
            storage: 100G
  backup:
    storages:
${storage}
    schedule:
      - name: daily-backup
        schedule: "0 2 * * *"
        keep: 14
        storageName: ${storageName}
`;

const B2_STORAGE = '      b2-offsite:\n        type: s3\n        s3:\n          bucket: acme-shop-db-backups\n          credentialsSecret: shop-db-backup-b2\n          region: us-west-004\n          endpointUrl: https://s3.us-west-004.backblazeb2.com';
const PVC_STORAGE = '      fs-pvc:\n        type: filesystem\n        volume:\n          persistentVolumeClaim:\n            accessModes: [ "ReadWriteOnce" ]\n            resources:\n              requests:\n                storage: 50G';

const PSMDB = `apiVersion: psmdb.percona.com/v1
kind: PerconaServerMongoDB
metadata:
  name: events
  namespace: production
spec:
  crVersion: 1.16.0
  replsets:
    - name: rs0
      size: 3
      volumeSpec:
        persistentVolumeClaim:
          resources:
            requests:
              storage: 20Gi
  backup:
    enabled: true
    storages:
      gcs-offsite:
        type: gcs
        gcs:
          bucket: acme-events-backups
          credentialsSecret: events-backup-gcs
    tasks:
      - name: daily
        enabled: true
        schedule: "0 3 * * *"
        storageName: gcs-offsite
`;

export const PERCONA_SAME_VOLUME: Sample = {
  files: { 'deploy/production/shop-db.yaml': PXC(PVC_STORAGE, 'fs-pvc') },
  expect: { path: 'deploy/production/shop-db.yaml', line: 2 },
  note: 'a Percona XtraDB Cluster whose only backup storage is a volume in the same cluster',
};

export const PERCONA_OFFSITE: Sample[] = [
  { files: { 'deploy/production/shop-db.yaml': PXC(B2_STORAGE, 'b2-offsite') }, note: "a Percona XtraDB Cluster backing up to Backblaze B2 through its S3 storage's endpoint" },
  { files: { 'deploy/production/events.yaml': PSMDB }, note: 'a Percona Server for MongoDB backing up to Google Cloud Storage' },
];

export const PERCONA_UNTESTED: Sample[] = PERCONA_OFFSITE.map((sample) => ({ ...sample, expect: { path: Object.keys(sample.files)[0]!, line: 2 } }));
