// Every detector the scanner runs, in the order their per-file passes run. Cross-file passes are ordered by facts.
import type { Detector } from '../src/model.js';
import { exposedCredential } from './exposed-credential/index.js';
import { rootScopedToken } from './root-scoped-token/index.js';
import { stagingReachesProduction } from './staging-reaches-production/index.js';
import { missingOffproviderBackup } from './missing-offprovider-backup/index.js';
import { agentPermission } from './agent-permission/index.js';
import { blastRadius } from './blast-radius/index.js';

export const detectors: readonly Detector[] = [
  exposedCredential,
  rootScopedToken,
  stagingReachesProduction,
  missingOffproviderBackup,
  agentPermission,
  blastRadius,
];
