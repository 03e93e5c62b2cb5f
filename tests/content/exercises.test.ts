import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runContentCheck } from "../../src/cli/check-content-command.ts";
import { checkExerciseText } from "../../src/lib/content/check-exercise.ts";
import { lessonSlug } from "../../src/lib/course/lesson-slug.ts";
import { gradeSubmission, loadExercise, type Exercise } from "../../src/lib/grader/index.ts";
import { isSmtpBlocked } from "../../src/lib/nsg/platform.ts";

/**
 * The course's exercise files (graders/*.yaml) as an instructor would check them: every file
 * passes `npm run check:content`, the set covers every lesson and both kinds, and the obvious
 * wrong answers a learner tries first are actually caught by some expectation.
 */

const graders = new URL("../../graders/", import.meta.url);
const lessonsDir = new URL("../../content/lessons/", import.meta.url);

const files = readdirSync(graders)
  .filter((f) => /\.(ya?ml|json)$/.test(f))
  .sort()
  .map((file) => ({ file: `graders/${file}`, text: readFileSync(new URL(file, graders), "utf8") }));

function load(text: string): Exercise {
  const loaded = loadExercise(text);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  return loaded.value;
}

const exercises = files.map(({ file, text }) => ({ file, text, exercise: load(text) }));
const byId = new Map(exercises.map((e) => [e.exercise.id, e.exercise]));

/** Real lessons only: the site shell's "fixture-" lessons are placeholders that embed no exercise. */
const lessonSlugs = readdirSync(lessonsDir)
  .filter((f) => f.endsWith(".mdx"))
  .map((f) => lessonSlug(f.replace(/\.mdx$/, "")))
  .filter((slug) => !slug.startsWith("fixture-"));

describe("every exercise file passes the content check", () => {
  it.each(files)("$file", ({ text }) => {
    const check = checkExerciseText(text);
    expect(check.errors.map((e) => `${e.path.join(".")}: ${e.message}`)).toEqual([]);
  });

  it("passes npm run check:content as a whole (unique ids, file names match ids)", () => {
    const lines: string[] = [];
    expect(runContentCheck(files, (line) => lines.push(line))).toBe(0);
    expect(lines.at(-1)).toBe(`${files.length} exercises checked, no problems`);
  });
});

describe("exercise files are written for learners", () => {
  it.each(exercises)(
    "$file has the schema line, instructions, 4-10 expectations and 2-3 hints",
    ({ text, exercise }) => {
      expect(text.split("\n")[0]).toBe(
        "# yaml-language-server: $schema=../public/schema/exercise.schema.json",
      );
      expect(exercise.description?.trim().length ?? 0).toBeGreaterThan(80);
      expect(exercise.expectations.length).toBeGreaterThanOrEqual(4);
      expect(exercise.expectations.length).toBeLessThanOrEqual(10);
      expect(exercise.hints.length).toBeGreaterThanOrEqual(2);
      expect(exercise.hints.length).toBeLessThanOrEqual(3);
    },
  );

  it.each(exercises.filter((e) => e.exercise.kind === "author-rules" || e.exercise.kind === "fix-rules"))(
    "$file has a starter and a solution that differ",
    ({ exercise }) => {
      expect(exercise.starter?.trim()).toBeTruthy();
      expect(exercise.solution?.trim()).toBeTruthy();
      expect(exercise.starter!.trim()).not.toBe(exercise.solution!.trim());
    },
  );

  it("links every exercise that names a lesson to a lesson that exists", () => {
    const unknown = exercises.filter(
      (e) => e.exercise.lesson !== undefined && !lessonSlugs.includes(e.exercise.lesson),
    );
    expect(unknown.map((e) => `${e.file}: ${e.exercise.lesson}`)).toEqual([]);
  });
});

describe("the exercises cover the course", () => {
  it("has at least 13 exercises", () => {
    expect(exercises.length).toBeGreaterThanOrEqual(13);
  });

  it("gives every lesson at least one exercise", () => {
    expect(lessonSlugs.length).toBeGreaterThan(0);
    const used = new Set(exercises.map((e) => e.exercise.lesson));
    expect(lessonSlugs.filter((slug) => !used.has(slug))).toEqual([]);
  });

  it("has every kind of exercise, two of each new kind", () => {
    const kinds = new Set(exercises.map((e) => e.exercise.kind));
    expect([...kinds].sort()).toEqual(["author-rules", "fix-rules", "predict", "read-logs"]);
    for (const kind of ["fix-rules", "read-logs"])
      expect(exercises.filter((e) => e.exercise.kind === kind).length, kind).toBeGreaterThanOrEqual(2);
  });

  const smtpToInternet = (exercise: Exercise) =>
    exercise.expectations.filter(
      (x) => x.flow.protocol === "Tcp" && x.flow.port === 25 && !x.flow.response && /^\d/.test(x.flow.to),
    );

  it("has an SMTP exercise where the platform blocks port 25", () => {
    const blocked = exercises.filter(
      ({ exercise }) =>
        isSmtpBlocked(exercise.subscription) &&
        smtpToInternet(exercise).some((x) => x.expect === "deny" && x.decidedBy === "platform"),
    );
    expect(blocked.length).toBeGreaterThanOrEqual(1);
  });

  it("has an SMTP exercise where port 25 is allowed because the subscription isn't blocked", () => {
    const unblocked = exercises.filter(
      ({ exercise }) =>
        !isSmtpBlocked(exercise.subscription) && smtpToInternet(exercise).some((x) => x.expect === "allow"),
    );
    expect(unblocked.length).toBeGreaterThanOrEqual(1);
  });
});

/**
 * The first wrong answers learners write. Each must fail at least one expectation, or the
 * exercise would accept it. Rules are az CLI unless the exercise's starter is JSON.
 */
const rule = (nsg: string, name: string, flags: string) =>
  `az network nsg rule create --resource-group rg --nsg-name ${nsg} --name ${name} ${flags}`;
const inbound = "--direction Inbound --access Allow --source-port-ranges '*'";
const outbound = "--direction Outbound --access Allow --source-port-ranges '*'";

const wrongAnswers: Record<string, Record<string, string>> = {
  "open-https-like-the-portal": {
    "protocol Any": rule(
      "vm-web1-nsg",
      "Allow-HTTPS",
      `--priority 300 ${inbound} --protocol '*' --destination-port-ranges 443`,
    ),
    "the public IP as destination": rule(
      "vm-web1-nsg",
      "Allow-HTTPS",
      `--priority 300 ${inbound} --protocol Tcp --destination-address-prefixes 192.0.2.10 --destination-port-ranges 443`,
    ),
    "an outbound rule": rule(
      "vm-web1-nsg",
      "Allow-HTTPS",
      `--priority 300 --direction Outbound --access Allow --protocol Tcp --destination-port-ranges 443`,
    ),
    "HTTP as well": rule(
      "vm-web1-nsg",
      "Allow-HTTPS",
      `--priority 300 ${inbound} --protocol Tcp --destination-port-ranges 80 443`,
    ),
  },
  "protect-the-whole-subnet": {
    "the subnet NSG on each NIC (replaces nsg-vm-web1)": [
      "az network nic update -g rg-nsg-lab -n vm-web1-nic --network-security-group nsg-snet-web",
      "az network nic update -g rg-nsg-lab -n vm-web2-nic --network-security-group nsg-snet-web",
      "az network nic update -g rg-nsg-lab -n vm-test1-nic --network-security-group nsg-vm-test1",
    ].join("\n"),
    "nsg-vm-test1 on the shared subnet": [
      "az network vnet subnet update -g rg-nsg-lab --vnet-name vnet-lab -n snet-web --network-security-group nsg-snet-web",
      "az network vnet subnet update -g rg-nsg-lab --vnet-name vnet-lab -n snet-test --network-security-group nsg-vm-test1",
    ].join("\n"),
  },
  "partners-augmented-rule": {
    "source Any": rule(
      "nsg-snet-api",
      "Allow-Partners-API",
      `--priority 200 ${inbound} --protocol Tcp --destination-address-prefixes 10.20.1.4 10.20.1.5 --destination-port-ranges 443 8443`,
    ),
    "a port range instead of two ports": rule(
      "nsg-snet-api",
      "Allow-Partners-API",
      `--priority 200 ${inbound} --protocol Tcp --source-address-prefixes 198.51.100.0/25 203.0.113.64/27 192.0.2.10 --destination-address-prefixes 10.20.1.4 10.20.1.5 --destination-port-ranges 443-8443`,
    ),
    "destination Any": rule(
      "nsg-snet-api",
      "Allow-Partners-API",
      `--priority 200 ${inbound} --protocol Tcp --source-address-prefixes 198.51.100.0/25 203.0.113.64/27 192.0.2.10 --destination-port-ranges 443 8443`,
    ),
    "protocol Any": rule(
      "nsg-snet-api",
      "Allow-Partners-API",
      `--priority 200 ${inbound} --protocol '*' --source-address-prefixes 198.51.100.0/25 203.0.113.64/27 192.0.2.10 --destination-address-prefixes 10.20.1.4 10.20.1.5 --destination-port-ranges 443 8443`,
    ),
  },
  "app-tier-asg": {
    "an allow without a deny": JSON.stringify({
      "nsg-snet-workload": [
        {
          name: "Allow-Web-To-App",
          priority: 200,
          direction: "Inbound",
          access: "Allow",
          protocol: "Tcp",
          sourceApplicationSecurityGroups: ["asg-web"],
          sourcePortRange: "*",
          destinationApplicationSecurityGroups: ["asg-app"],
          destinationPortRange: "8080",
        },
      ],
    }),
    "a deny for the whole subnet": JSON.stringify({
      "nsg-snet-workload": [
        {
          name: "Allow-Web-To-App",
          priority: 200,
          direction: "Inbound",
          access: "Allow",
          protocol: "Tcp",
          sourceApplicationSecurityGroups: ["asg-web"],
          sourcePortRange: "*",
          destinationApplicationSecurityGroups: ["asg-app"],
          destinationPortRange: "8080",
        },
        {
          name: "Deny-VNet",
          priority: 4000,
          direction: "Inbound",
          access: "Deny",
          protocol: "*",
          sourceAddressPrefix: "VirtualNetwork",
          sourcePortRange: "*",
          destinationAddressPrefix: "*",
          destinationPortRange: "*",
        },
      ],
    }),
    "the deny numbered before the allow": JSON.stringify({
      "nsg-snet-workload": [
        {
          name: "Allow-Web-To-App",
          priority: 200,
          direction: "Inbound",
          access: "Allow",
          protocol: "Tcp",
          sourceApplicationSecurityGroups: ["asg-web"],
          sourcePortRange: "*",
          destinationApplicationSecurityGroups: ["asg-app"],
          destinationPortRange: "8080",
        },
        {
          name: "Deny-VNet-To-App",
          priority: 150,
          direction: "Inbound",
          access: "Deny",
          protocol: "*",
          sourceAddressPrefix: "VirtualNetwork",
          sourcePortRange: "*",
          destinationApplicationSecurityGroups: ["asg-app"],
          destinationPortRange: "*",
        },
      ],
    }),
  },
  "allow-at-both-levels": {
    "the subnet NSG only": rule(
      "nsg-snet-data",
      "Allow-SQL-From-App",
      `--priority 200 ${inbound} --protocol Tcp --source-address-prefixes 10.40.1.0/24 --destination-port-ranges 1433`,
    ),
    "source VirtualNetwork at both levels": [
      rule(
        "nsg-snet-data",
        "Allow-SQL-From-App",
        `--priority 200 ${inbound} --protocol Tcp --source-address-prefixes VirtualNetwork --destination-port-ranges 1433`,
      ),
      rule(
        "nsg-vm-sql1",
        "Allow-SQL-From-App",
        `--priority 200 ${inbound} --protocol Tcp --source-address-prefixes VirtualNetwork --destination-port-ranges 1433`,
      ),
    ].join("\n"),
    "allows numbered after the baseline deny": [
      rule(
        "nsg-snet-data",
        "Allow-SQL-From-App",
        `--priority 4050 ${inbound} --protocol Tcp --source-address-prefixes 10.40.1.0/24 --destination-port-ranges 1433`,
      ),
      rule(
        "nsg-vm-sql1",
        "Allow-SQL-From-App",
        `--priority 4050 ${inbound} --protocol Tcp --source-address-prefixes 10.40.1.0/24 --destination-port-ranges 1433`,
      ),
    ].join("\n"),
  },
  "fix-shadowed-allow": {
    "deleting the catch-all":
      "az network nsg rule delete -g rg --nsg-name nsg-snet-web -n Deny-Internet-Inbound",
    "a catch-all for every source":
      "az network nsg rule update -g rg --nsg-name nsg-snet-web -n Deny-Internet-Inbound --priority 4000 --source-address-prefixes '*'",
  },
  "block-internet-outbound": {
    "no deny at all": rule(
      "nsg-vm-batch1",
      "Allow-Mirror-HTTPS",
      `--priority 200 ${outbound} --protocol Tcp --destination-address-prefixes 198.51.100.10 --destination-port-ranges 443`,
    ),
    "a deny for every destination": [
      rule(
        "nsg-vm-batch1",
        "Allow-Mirror-HTTPS",
        `--priority 200 ${outbound} --protocol Tcp --destination-address-prefixes 198.51.100.10 --destination-port-ranges 443`,
      ),
      rule(
        "nsg-vm-batch1",
        "Deny-Internet-Out",
        `--priority 4000 --direction Outbound --access Deny --protocol '*' --destination-address-prefixes '*' --destination-port-ranges '*'`,
      ),
    ].join("\n"),
    "the deny numbered first": [
      rule(
        "nsg-vm-batch1",
        "Deny-Internet-Out",
        `--priority 100 --direction Outbound --access Deny --protocol '*' --destination-address-prefixes Internet --destination-port-ranges '*'`,
      ),
      rule(
        "nsg-vm-batch1",
        "Allow-Mirror-HTTPS",
        `--priority 200 ${outbound} --protocol Tcp --destination-address-prefixes 198.51.100.10 --destination-port-ranges 443`,
      ),
    ].join("\n"),
  },
  "smtp-relay-on-587": {
    "destination Internet": rule(
      "nsg-vm-app1",
      "Allow-SMTP-Submission-Out",
      `--priority 210 ${outbound} --protocol Tcp --destination-address-prefixes Internet --destination-port-ranges 587`,
    ),
    "numbered after Deny-Internet-Out": rule(
      "nsg-vm-app1",
      "Allow-SMTP-Submission-Out",
      `--priority 4010 ${outbound} --protocol Tcp --destination-address-prefixes 192.0.2.87 --destination-port-ranges 587`,
    ),
  },
  "ftp-active-studio": {
    "an inbound 20-21 rule": [
      rule(
        "nsg-snet-ingest",
        "Allow-FTP-Control-Studio",
        `--priority 200 ${inbound} --protocol Tcp --source-address-prefixes 198.51.100.0/28 --destination-address-prefixes 10.0.3.4 --destination-port-ranges 20-21`,
      ),
      rule(
        "nsg-snet-ingest",
        "Allow-FTP-Active-Data-Studio",
        `--priority 200 --direction Outbound --access Allow --protocol Tcp --source-address-prefixes 10.0.3.4 --source-port-ranges 20 --destination-address-prefixes 198.51.100.0/28 --destination-port-ranges 1024-65535`,
      ),
    ].join("\n"),
    "the studio as a /24": [
      rule(
        "nsg-snet-ingest",
        "Allow-FTP-Control-Studio",
        `--priority 200 ${inbound} --protocol Tcp --source-address-prefixes 198.51.100.0/24 --destination-address-prefixes 10.0.3.4 --destination-port-ranges 21`,
      ),
      rule(
        "nsg-snet-ingest",
        "Allow-FTP-Active-Data-Studio",
        `--priority 200 --direction Outbound --access Allow --protocol Tcp --source-address-prefixes 10.0.3.4 --source-port-ranges 20 --destination-address-prefixes 198.51.100.0/28 --destination-port-ranges 1024-65535`,
      ),
    ].join("\n"),
    "no outbound rule under the lockdown": rule(
      "nsg-snet-ingest",
      "Allow-FTP-Control-Studio",
      `--priority 200 ${inbound} --protocol Tcp --source-address-prefixes 198.51.100.0/28 --destination-address-prefixes 10.0.3.4 --destination-port-ranges 21`,
    ),
  },
  "ftp-passive": {
    "a passive range that's too wide": [
      rule(
        "nsg-snet-ingest",
        "Allow-FTP-Passive-Studio",
        `--priority 210 ${inbound} --protocol Tcp --source-address-prefixes 198.51.100.0/28 --destination-address-prefixes 10.0.3.4 --destination-port-ranges 50000-65535`,
      ),
      "az network nsg rule delete -g rg --nsg-name nsg-snet-ingest -n Allow-FTP-Active-Data-Studio",
    ].join("\n"),
    "passive ports from anywhere": [
      rule(
        "nsg-snet-ingest",
        "Allow-FTP-Passive-Studio",
        `--priority 210 ${inbound} --protocol Tcp --source-address-prefixes '*' --destination-address-prefixes 10.0.3.4 --destination-port-ranges 50000-50100`,
      ),
      "az network nsg rule delete -g rg --nsg-name nsg-snet-ingest -n Allow-FTP-Active-Data-Studio",
    ].join("\n"),
    "keeping the active-mode rule": rule(
      "nsg-snet-ingest",
      "Allow-FTP-Passive-Studio",
      `--priority 210 ${inbound} --protocol Tcp --source-address-prefixes 198.51.100.0/28 --destination-address-prefixes 10.0.3.4 --destination-port-ranges 50000-50100`,
    ),
  },
};

describe("obvious wrong answers fail at least one expectation", () => {
  const cases = Object.entries(wrongAnswers).flatMap(([id, answers]) =>
    Object.entries(answers).map(([label, text]) => ({ id, label, text })),
  );

  it.each(cases)("$id: $label", ({ id, text }) => {
    const exercise = byId.get(id);
    expect(exercise, `no exercise "${id}"`).toBeDefined();
    const report = gradeSubmission(exercise!, text);
    expect(report.errors).toEqual([]);
    expect(report.status).toBe("graded");
    expect(report.failed).toBeGreaterThan(0);
  });

  it("every author-rules exercise's starter is graded (not rejected) and fails", () => {
    for (const { exercise } of exercises.filter((e) => e.exercise.kind === "author-rules")) {
      const report = gradeSubmission(exercise, exercise.starter ?? "");
      expect(report.status, exercise.id).toBe("graded");
      expect(report.failed, exercise.id).toBeGreaterThan(0);
    }
  });
});
