import { describe, expect, it } from "vitest";
import { gradeSubmission } from "../../src/lib/grader/index.ts";
import { exerciseFile, ftpRule, json } from "./fixtures.ts";

const ftp = exerciseFile("ftp-active.yaml");
const result = (report: ReturnType<typeof gradeSubmission>, name: RegExp) =>
  report.results.find((r) => name.test(r.name))!;

describe("grading the FTP capstone", () => {
  it("passes every expectation with a least-privilege rule", () => {
    const report = gradeSubmission(ftp, json([ftpRule()]));
    expect(report.status).toBe("graded");
    expect(report.results.filter((r) => !r.pass).map((r) => r.name)).toEqual([]);
    expect(report.passed).toBe(ftp.expectations.length);
  });

  it("fails a wide-open answer and says which NSG and rule decided", () => {
    const report = gradeSubmission(
      ftp,
      json([ftpRule({ sourceAddressPrefix: "*", protocol: "*", destinationPortRange: "21" })]),
    );
    const rest = result(report, /rest of the internet/);
    expect(rest).toMatchObject({
      pass: false,
      actual: "allow",
      decider: "nsg-snet-ingest/Allow-FTP-Control-Studio (200)",
    });
    expect(rest.explanation).toMatch(
      /nsg-snet-ingest allows it with rule Allow-FTP-Control-Studio \(priority 200\)/,
    );
    expect(result(report, /Only TCP/).pass).toBe(false);
    const port20 = result(report, /port 20/);
    expect(port20).toMatchObject({ pass: true, actual: "deny" });
    const literal = gradeSubmission(ftp, json([ftpRule({ destinationPortRange: "20-21" })]));
    expect(result(literal, /port 20/)).toMatchObject({ pass: false, actual: "allow" });
  });

  it("explains that NSGs see the private address, not the public IP", () => {
    const report = gradeSubmission(ftp, json([ftpRule({ destinationAddressPrefix: "192.0.2.30" })]));
    const control = result(report, /control from the studio/);
    expect(control.pass).toBe(false);
    expect(control.explanation).toMatch(/NSGs see the VM's private address 10\.0\.3\.4/);
    expect(control.trace).toEqual([
      {
        nsg: "nsg-snet-ingest",
        level: "subnet",
        direction: "Inbound",
        vm: "vm-ingest",
        rule: "DenyAllInBound",
        priority: 65500,
        access: "Deny",
        // Each rule tried first, and the condition it missed on: the rule points at the public IP.
        tried: [
          { rule: "Allow-FTP-Control-Studio", priority: 200, failed: ["destination address"] },
          { rule: "AllowVnetInBound", priority: 65000, failed: ["source address"] },
          { rule: "AllowAzureLoadBalancerInBound", priority: 65001, failed: ["source address"] },
        ],
      },
    ]);
  });

  it("explains a deny rule that shadows the allow by priority", () => {
    const deny = ftpRule({
      name: "deny-internet",
      priority: 100,
      access: "Deny",
      sourceAddressPrefix: "Internet",
      destinationAddressPrefix: "*",
      destinationPortRange: "*",
      protocol: "*",
    });
    const report = gradeSubmission(ftp, json([deny, ftpRule()]));
    const control = result(report, /control from the studio/);
    expect(control.explanation).toMatch(
      /Allow-FTP-Control-Studio \(priority 200\) would allow it, but deny-internet \(priority 100\) is checked first/,
    );
    expect(report.lints.map((l) => [l.kind, l.rule])).toContainEqual([
      "shadowed",
      "Allow-FTP-Control-Studio",
    ]);
  });

  it("explains an outbound rule written for inbound traffic", () => {
    const report = gradeSubmission(
      ftp,
      json([ftpRule({ direction: "Outbound", sourceAddressPrefix: "198.51.100.0/28" })]),
    );
    expect(result(report, /control from the studio/).explanation).toMatch(
      /would match this flow, but it is an Outbound rule/,
    );
  });

  it("says a random client source port breaks a rule pinned to one source port", () => {
    const report = gradeSubmission(ftp, json([ftpRule({ sourcePortRange: "21" })]));
    expect(result(report, /control from the studio/).explanation).toMatch(/clients pick random source ports/);
  });

  it("reports the rule that must decide when another one did", () => {
    const report = gradeSubmission(ftp, json([ftpRule({ name: "ftp" })]));
    const control = result(report, /control from the studio/);
    expect(control).toMatchObject({ actual: "allow", pass: false });
    expect(control.explanation).toMatch(/wants "Allow-FTP-Control-Studio" to decide/);
  });

  it("returns located validation errors instead of grading invalid rules", () => {
    const text = json([
      ftpRule({
        priority: 5000,
        sourceAddressPrefix: "198.51.100.0/33",
        destinationAddressPrefix: "Intranet",
      }),
    ]);
    const report = gradeSubmission(ftp, text);
    expect(report.status).toBe("invalid");
    const messages = report.errors.map((e) => `${e.span?.line}:${e.span?.column} ${e.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        "5:19 priority 5000 is out of range: custom rules use whole numbers from 100 to 4096",
        '9:30 "198.51.100.0/33": an IPv4 prefix length is 0 to 32',
      ]),
    );
  });

  it("flags unknown service tags and duplicate priorities with their places", () => {
    const text = json([
      ftpRule({ destinationAddressPrefix: "Intranet" }),
      ftpRule({ name: "second", destinationPortRange: "22" }),
    ]);
    const report = gradeSubmission(ftp, text);
    expect(report.status).toBe("invalid");
    expect(report.errors.map((e) => e.message)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/unknown service tag "Intranet"/),
        expect.stringMatching(/priority 200 is already used by inbound rule "Allow-FTP-Control-Studio"/),
      ]),
    );
    expect(report.errors.every((e) => e.span !== undefined)).toBe(true);
  });

  it("grades blank text as the scenario as written", () => {
    const report = gradeSubmission(ftp, "  \n# nothing yet\n");
    expect(report.status).toBe("graded");
    expect(result(report, /control from the studio/).explanation).toMatch(
      /No allow rule in nsg-snet-ingest matches inbound Tcp port 21 from 198\.51\.100\.5, so it falls through to the default rule DenyAllInBound \(65500\)/,
    );
  });
});
