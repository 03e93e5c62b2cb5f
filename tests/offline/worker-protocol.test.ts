/** The messages pages send the service worker, read strictly: other scripts post messages too. */
import { describe, expect, it } from "vitest";
import { OFFLINE_MESSAGES, readOfflineMessage } from "../../src/lib/offline/worker-protocol.ts";

describe("offline messages", () => {
  it("are recognised by their type", () => {
    expect(readOfflineMessage({ type: OFFLINE_MESSAGES.activateNewVersion })).toBe(
      "nsg-lab:activate-new-version",
    );
    expect(readOfflineMessage({ type: OFFLINE_MESSAGES.keepEditorOffline })).toBe(
      "nsg-lab:keep-editor-offline",
    );
  });

  it("ignore anything else", () => {
    for (const data of [
      undefined,
      null,
      "nsg-lab:activate-new-version",
      { type: "SKIP_WAITING" },
      { kind: "x" },
    ])
      expect(readOfflineMessage(data)).toBeUndefined();
  });
});
