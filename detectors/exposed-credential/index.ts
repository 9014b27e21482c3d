// Credentials stored where a coding agent reads them (anything but a git-ignored .env file).
import type { Detector } from '../../src/model.js';

export const exposedCredential: Detector = {
  id: 'exposed-credential',
  // Rules land with the detector's issue; an empty list runs nothing.
  rules: [],
};
