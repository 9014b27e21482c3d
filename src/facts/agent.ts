// What coding agents configured in the repo may do and read.
import type { Location } from '../model.js';

/** A permission that lets an agent act without a human: auto-approved shell, bypass mode, yolo flags. */
export interface AgentGrant {
  agent: string;
  /** `shell`, `destructive-command`, `mcp-tool`, `bypass-mode`, `file-write`... */
  grant: string;
  /** The setting or flag as written (no secrets). */
  setting: string;
  /** Effective from the repo, or ignored there (intent only). */
  effective: boolean;
  location: Location;
}

/** A rule of some agent that keeps its file tools from reading matching paths. */
export interface AgentReadExclusion {
  agent: string;
  /** Gitignore-style pattern relative to the repo root. */
  pattern: string;
  location?: Location;
  /** Built into the agent rather than configured in the repo. */
  builtIn: boolean;
}
