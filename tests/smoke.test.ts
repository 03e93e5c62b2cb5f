import { describe, expect, it } from "vitest";
import { parseIp } from "../src/lib/nsg/index.ts";

describe("ip parsing", () => {
  it("parses IPv4", () => expect(parseIp("10.0.0.4").ok).toBe(true));
});
