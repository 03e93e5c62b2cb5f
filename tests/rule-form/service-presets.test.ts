import { describe, expect, it } from "vitest";
import {
  CUSTOM_SERVICE,
  presetNamed,
  SERVICE_PRESETS,
  serviceAfterEdit,
  serviceFor,
} from "../../src/lib/rule-form/service-presets.ts";

describe("the Service presets", () => {
  it("fill the destination port and protocol of the portal's common services", () => {
    const byLabel = Object.fromEntries(SERVICE_PRESETS.map((p) => [p.label, `${p.protocol} ${p.port}`]));
    expect(byLabel).toMatchObject({
      "DNS (TCP)": "Tcp 53",
      "DNS (UDP)": "Udp 53",
      HTTP: "Tcp 80",
      HTTPS: "Tcp 443",
      "MS SQL": "Tcp 1433",
      MySQL: "Tcp 3306",
      PostgreSQL: "Tcp 5432",
      RDP: "Tcp 3389",
      SMTP: "Tcp 25",
      SSH: "Tcp 22",
      WinRM: "Tcp 5986",
    });
  });

  it("are listed once each, in the portal's alphabetical order, each a single valid port", () => {
    const labels = SERVICE_PRESETS.map((p) => p.label);
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" })));
    for (const p of SERVICE_PRESETS) expect(Number(p.port)).toBeGreaterThan(0);
    expect(presetNamed(CUSTOM_SERVICE)).toBeUndefined();
  });

  it("name the service a protocol and port amount to, else Custom", () => {
    expect(serviceFor("Tcp", "443")).toBe("HTTPS");
    expect(serviceFor("Tcp", " 22 ")).toBe("SSH");
    expect(serviceFor("Udp", "53")).toBe("DNS (UDP)");
    expect(serviceFor("*", "443")).toBe(CUSTOM_SERVICE);
    expect(serviceFor("Udp", "443")).toBe(CUSTOM_SERVICE);
    expect(serviceFor("Tcp", "80, 443")).toBe(CUSTOM_SERVICE);
    expect(serviceFor("Tcp", "8080")).toBe(CUSTOM_SERVICE);
  });

  it("switch back to Custom when an edit leaves the preset's port or protocol", () => {
    expect(serviceAfterEdit("SSH", "Tcp", "22")).toBe("SSH");
    expect(serviceAfterEdit("SSH", "Tcp", "2222")).toBe(CUSTOM_SERVICE);
    expect(serviceAfterEdit("SSH", "Udp", "22")).toBe(CUSTOM_SERVICE);
    expect(serviceAfterEdit("SSH", "*", "22")).toBe(CUSTOM_SERVICE);
    // Custom stays Custom, as in the portal, even when the port happens to be a preset's.
    expect(serviceAfterEdit(CUSTOM_SERVICE, "Tcp", "443")).toBe(CUSTOM_SERVICE);
  });
});
