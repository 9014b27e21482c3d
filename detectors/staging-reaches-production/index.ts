// Non-production environments that point at production resources.
import type { Detector } from '../../src/model.js';

export const stagingReachesProduction: Detector = {
  id: 'staging-reaches-production',
  // Rules land with the detector's issue; an empty list runs nothing.
  rules: [],
};
