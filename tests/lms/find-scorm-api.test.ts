import { describe, expect, it } from "vitest";
import { findScorm12Api, isScorm12Api, MAX_PARENTS, type WindowLike } from "../../src/lib/lms/scorm12-api.ts";

const api = () => ({
  LMSInitialize: () => "true",
  LMSFinish: () => "true",
  LMSGetValue: () => "",
  LMSSetValue: () => "true",
  LMSCommit: () => "true",
  LMSGetLastError: () => "0",
  LMSGetErrorString: () => "No error",
});

/** A top window with `depth` frames nested below it; returns the innermost. */
function frames(depth: number, top: { API?: unknown; opener?: WindowLike | null } = {}): WindowLike {
  const root: { API?: unknown; parent?: WindowLike; opener?: WindowLike | null } = { ...top };
  root.parent = root;
  let win: WindowLike = root;
  for (let i = 0; i < depth; i++) win = { parent: win };
  return win;
}

describe("finding the LMS's SCORM 1.2 API", () => {
  it("finds it on the window itself, a parent or a grandparent", () => {
    const lmsApi = api();
    expect(findScorm12Api({ API: lmsApi })).toBe(lmsApi);
    expect(findScorm12Api(frames(1, { API: lmsApi }))).toBe(lmsApi);
    expect(findScorm12Api(frames(2, { API: lmsApi }))).toBe(lmsApi);
  });

  it("gives up past seven parents, as SCORM 1.2's sample does", () => {
    expect(findScorm12Api(frames(MAX_PARENTS, { API: api() }))).toBeDefined();
    expect(findScorm12Api(frames(MAX_PARENTS + 1, { API: api() }))).toBeUndefined();
  });

  it("looks in the opener's chain when no parent has it", () => {
    const lmsApi = api();
    const opener = frames(1, { API: lmsApi });
    // A popup the LMS opened, the content framed in it: the popup (the top window) has the opener.
    expect(findScorm12Api(frames(2, { opener }))).toBe(lmsApi);
    const popup: WindowLike = { opener, parent: null };
    expect(findScorm12Api(popup)).toBe(lmsApi);
  });

  it("stops at a frame of another origin instead of throwing", () => {
    const foreign = {
      get API(): unknown {
        throw new DOMException("Blocked a frame with origin", "SecurityError");
      },
      get parent(): WindowLike {
        throw new DOMException("Blocked a frame with origin", "SecurityError");
      },
    };
    expect(findScorm12Api({ parent: foreign })).toBeUndefined();
  });

  it("ignores an API that is not SCORM 1.2's (SCORM 2004 content, a stray global)", () => {
    const scorm2004 = { Initialize: () => "true", Terminate: () => "true" };
    expect(findScorm12Api(frames(1, { API: scorm2004 }))).toBeUndefined();
    expect(findScorm12Api({ API: "API" })).toBeUndefined();
    expect(isScorm12Api(null)).toBe(false);
    expect(isScorm12Api({ ...api(), LMSCommit: "yes" })).toBe(false);
  });

  it("finds nothing on a page opened directly", () => {
    expect(findScorm12Api(frames(0))).toBeUndefined();
  });
});
