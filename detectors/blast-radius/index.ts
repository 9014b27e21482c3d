// Chains: an agent-readable credential whose scope reaches a production store without off-provider backup.
import type { Detector } from '../../src/model.js';

export const blastRadius: Detector = {
  id: 'blast-radius',
  // Rules land with the detector's issue; an empty list runs nothing.
  rules: [],
};
