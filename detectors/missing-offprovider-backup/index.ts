// Production data stores whose only backups die with the provider, volume or account.
import type { Detector } from '../../src/model.js';

export const missingOffproviderBackup: Detector = {
  id: 'missing-offprovider-backup',
  // Rules land with the detector's issue; an empty list runs nothing.
  rules: [],
};
