// Rates every credential's scope and reports the ones that reach a whole account or a whole resource.
import type { Detector } from '../../src/model.js';

export const rootScopedToken: Detector = {
  id: 'root-scoped-token',
  // Rules land with the detector's issue; an empty list runs nothing.
  rules: [],
};
