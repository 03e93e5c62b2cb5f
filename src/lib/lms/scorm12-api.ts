/**
 * The SCORM 1.2 run-time API an LMS offers a SCO as a window's `API` object (the SCORM 1.2 Run-Time Environment, its API chapter).
 * Every function answers with a string ("true"/"false", a value, an error number); some LMSs
 * answer booleans, so callers accept both. Typed loosely on purpose: an LMS is outside code.
 */
export interface Scorm12Api {
  LMSInitialize(parameter: ""): unknown;
  LMSFinish(parameter: ""): unknown;
  LMSGetValue(element: string): unknown;
  LMSSetValue(element: string, value: string): unknown;
  LMSCommit(parameter: ""): unknown;
  LMSGetLastError(): unknown;
  LMSGetErrorString(errorCode: string): unknown;
}

const FUNCTIONS = [
  "LMSInitialize",
  "LMSFinish",
  "LMSGetValue",
  "LMSSetValue",
  "LMSCommit",
  "LMSGetLastError",
  "LMSGetErrorString",
] as const;

export function isScorm12Api(value: unknown): value is Scorm12Api {
  if ((typeof value !== "object" && typeof value !== "function") || value === null) return false;
  const api = value as Record<string, unknown>;
  return FUNCTIONS.every((name) => typeof api[name] === "function");
}

/** What API discovery reads of a window: its `API`, its parent and its opener. */
export interface WindowLike {
  readonly API?: unknown;
  readonly parent?: WindowLike | null;
  readonly opener?: WindowLike | null;
}

/** The SCORM 1.2 run-time book's sample findAPI gives up after 7 parents. */
export const MAX_PARENTS = 7;

/** A property of a window that may belong to another origin: reading it then throws. */
function read<K extends keyof WindowLike>(win: WindowLike, key: K): WindowLike[K] | undefined {
  try {
    return win[key];
  } catch {
    return undefined;
  }
}

/** The API on `start` or a parent, else the topmost window reached (whose opener is tried next). */
function searchParents(start: WindowLike): { api: Scorm12Api } | { top: WindowLike } {
  let win = start;
  for (let step = 0; step <= MAX_PARENTS; step++) {
    const api = read(win, "API");
    if (isScorm12Api(api)) return { api };
    const parent = read(win, "parent");
    if (!parent || parent === win) break;
    if (step === MAX_PARENTS) return { top: win };
    win = parent;
  }
  return { top: win };
}

/**
 * Finds the LMS's API as SCORM 1.2 content must: this window and its parents, then the window
 * that opened it and that window's parents. When the content is a frame of a window the LMS
 * opened, the opener is the top window's, so that one is tried too. Frames of another origin
 * end the search there instead of throwing.
 */
export function findScorm12Api(win: WindowLike): Scorm12Api | undefined {
  const own = searchParents(win);
  if ("api" in own) return own.api;
  for (const from of new Set([win, own.top])) {
    const opener = read(from, "opener");
    if (!opener) continue;
    const found = searchParents(opener);
    if ("api" in found) return found.api;
  }
  return undefined;
}
