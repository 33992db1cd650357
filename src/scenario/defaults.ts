/** Defaults of the scenario format, version 2: every field but version, protocol and nodes. */
export const SCENARIO_VERSION = 2;

export const DEFAULT_TIMING = {
  electionTimeoutMin: 150,
  electionTimeoutMax: 300,
  heartbeatInterval: 50,
  latencyMin: 10,
  latencyMax: 20,
} as const;

export const DEFAULT_NETWORK = { dropRate: 0, duplicateRate: 0 } as const;

export const DEFAULT_OPTIONS = { noopOnElection: true, backoff: true } as const;

export const DEFAULT_SEED = 1;

/** Clients wait 300 ms for a reply, try three times, and read through the log unless told otherwise. */
export const DEFAULT_CLIENTS = { timeout: 300, tries: 3, reads: 'log' } as const;

/** Every action type of the format, for the message that lists them. */
export const ACTION_TYPES = ['crash', 'recover', 'partition', 'heal', 'cut', 'restore', 'request', 'timeout', 'transfer', 'drop', 'network',
  'invoke', 'deliver', 'hold', 'release', 'duplicate', 'fire', 'pause', 'resume', 'drift',
  'pauseClient', 'resumeClient'] as const;

/** The speeds a run can play at, as multiples of real time; a scenario may name one to open at. */
export const SPEEDS = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100] as const;

export const LIMITS = {
  minNodes: 3,
  maxNodes: 9,
  maxTime: 100_000_000,
  maxDuration: 600_000,
  maxActions: 5_000,
  maxNarration: 200,
  maxTextLength: 2_000,
  /** Claims per narration step, and characters per claim. */
  maxClaims: 40,
  maxClaimLength: 300,
  maxTitleLength: 200,
  maxCommandLength: 100,
  maxClients: 9,
  /** Levels of objects and lists in a scenario document (a scenario needs five). */
  maxNesting: 16,
  /** A node's clock runs between a tenth and ten times true time. */
  minClockRate: 0.1,
  maxClockRate: 10,
  /** Estimated events per simulated second (see validate.ts): beyond this a run crawls. */
  maxEventRate: 10_000,
} as const;

/**
 * The furthest moment a link (`t=`) opens at: one hour of virtual time. Getting there is
 * replayed in slices with a progress bar and Cancel; beyond it, the link opens here instead.
 */
export const MAX_MOMENT = 3_600_000;
