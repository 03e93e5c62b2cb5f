// The layers of CONTRIBUTING.md as lint rules: imports point one way only.
//
//   nsg  ←  formats, analysis, compare, network-watcher (side by side)  ←  grader  ←  everything else in src/lib  ←  src/cli, src/components, src/pages
//
// The evaluator (src/lib/nsg) is pure: no parsers, no grading, no UI, no DOM, no Astro.
// Nothing under src/lib imports a view (src/components, src/layouts, src/pages), the CLI or the service worker.

// The foundation (result.ts, issue-codes.ts, zod.ts, zod-no-eval.ts, text/) is shared by every layer.

/** The src/lib folders above the grader: the application around it. */
const APPLICATION = [
  "exercise-ui",
  "playground",
  "rule-form",
  "progress",
  "content",
  "course",
  "classroom",
  "assignments",
  "autograding",
  "store",
  "azure-verify",
  "class-report",
  "gradebook",
  "offline",
  "lms",
];
/** The layers between the evaluator and the grader; siblings never import each other. */
const MIDDLE = ["formats", "analysis", "compare", "network-watcher"];

/** Each pure layer and the src/lib folders it may not import from. */
const FORBIDDEN_BY_LAYER = {
  nsg: [...MIDDLE, "grader", ...APPLICATION, "security"],
  ...Object.fromEntries(
    MIDDLE.map((layer) => [layer, [...MIDDLE.filter((m) => m !== layer), "grader", ...APPLICATION]]),
  ),
  grader: APPLICATION,
};

const VIEWS = ["./src/components", "./src/layouts", "./src/pages", "./src/cli", "./src/service-worker"];

/** Browser globals the evaluator must never touch: it runs in Node, in workers and in tests alike. */
const DOM_GLOBALS = [
  "window",
  "document",
  "navigator",
  "localStorage",
  "sessionStorage",
  "location",
  "HTMLElement",
  "Element",
  "Node",
  "customElements",
  "requestAnimationFrame",
].map((name) => ({ name, message: "src/lib/nsg is pure: no DOM. Pass what it needs in as data." }));

const ASTRO_IMPORTS = {
  patterns: [
    {
      group: ["astro", "astro:*", "astro/*", "*.astro"],
      message: "src/lib/nsg is pure: no Astro. Views live in src/components.",
    },
    { group: ["monaco-editor", "monaco-editor/*"], message: "src/lib/nsg is pure: no editor code." },
  ],
};

const zones = [
  ...Object.entries(FORBIDDEN_BY_LAYER).flatMap(([layer, forbidden]) =>
    forbidden.map((other) => ({
      target: `./src/lib/${layer}`,
      from: `./src/lib/${other}`,
      message: `src/lib/${layer} may not import src/lib/${other}: imports point down the layers (see CONTRIBUTING.md).`,
    })),
  ),
  ...VIEWS.map((view) => ({
    target: "./src/lib",
    from: view,
    message: "src/lib holds pure logic and never imports views or the CLI: pass data in, return results.",
  })),
];

export const layerBoundaries = [
  {
    files: ["src/**/*.ts", "src/**/*.astro"],
    rules: { "import-x/no-restricted-paths": ["error", { zones }] },
  },
  {
    files: ["src/lib/nsg/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", ASTRO_IMPORTS],
      "no-restricted-globals": ["error", ...DOM_GLOBALS],
    },
  },
];
