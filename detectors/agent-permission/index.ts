// Agent configurations that let an agent act without a human, or read secrets no rule hides.
import type { Detector } from '../../src/model.js';

export const agentPermission: Detector = {
  id: 'agent-permission',
  // Rules land with the detector's issue; an empty list runs nothing.
  rules: [],
};
