import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import { monacoStyles } from "./scripts/monaco-styles.ts";
import { monacoWorkerHelper } from "./scripts/monaco-worker-helper.ts";

/**
 * GitHub Pages serves a project site at https://<owner>.github.io/<repo>/. In GitHub Actions,
 * GITHUB_REPOSITORY gives both; BASE_PATH and SITE_URL override; locally the site is at "/".
 */
const [owner, repo] = (process.env.GITHUB_REPOSITORY ?? "").split("/");
const base = process.env.BASE_PATH ?? (repo ? `/${repo}/` : "/");
const site = process.env.SITE_URL ?? (owner ? `https://${owner}.github.io` : "http://localhost:4321");

export default defineConfig({
  site,
  base,
  // A separate output folder lets two e2e runs (different ports) build side by side.
  outDir: process.env.ASTRO_OUT_DIR ?? "./dist",
  trailingSlash: "ignore",
  integrations: [mdx()],
  vite: {
    // Never inline scripts into pages: the Content-Security-Policy allows scripts from 'self' only.
    build: { assetsInlineLimit: 0 },
    plugins: [
      // Monaco's CSS in one file the editor links, not in every page that may load the editor.
      monacoStyles({
        stylesheet: "src/components/shared/monaco-styles.css",
        importers: ["src/components/shared/monaco-setup.ts", "src/components/playground/monaco-editors.ts"],
      }),
      // The JSON language without the seventy editor contributions Monaco's worker helper imports.
      monacoWorkerHelper(),
      // The chunk groups below take only the modules they name (includeDependenciesRecursively
      // off), which rolldown allows only when an entry may gain exports; Vite sets the option
      // itself, so a plugin sets it last. No page script's exports are read by anything.
      {
        name: "entry-signatures-for-chunk-groups",
        enforce: "post",
        options(options) {
          options.preserveEntrySignatures = "allow-extension";
          return options;
        },
      },
    ],
    environments: {
      // What every page's up-front script (src/components/page/boot.ts) imports, the store it reads
      // progress through, its task helper and Vite's preload helper, in one chunk instead of six.
      client: {
        build: {
          rolldownOptions: {
            output: {
              codeSplitting: {
                // A group is the modules its test names, not their imports too: a group pulling
                // in zod and the grader would load them on every lesson page.
                includeDependenciesRecursively: false,
                groups: [
                  {
                    // Small modules that only the exercise islands share (the editor's first
                    // grade fetched them as chunks under 1 KB, each a round trip on a slow line).
                    // Not those a lesson page or the playground loads too: they would bring the
                    // rest along.
                    name: "exercise-shared",
                    test: /src\/components\/exercise\/(feedback-setting|exercise-data)\.ts$|src\/lib\/exercise-ui\/(submission-file|log-reading-session|learner-name|learner-identity|predict-session)\.ts$|src\/lib\/assignments\/(assignment-submission|feedback-level)\.ts$|src\/lib\/grader\/exercise-schema\.ts$|src\/lib\/store\/records\/learner\.ts$|src\/components\/shared\/learner-name-view\.ts$/,
                    priority: 1,
                  },
                  {
                    name: "page-boot",
                    priority: 2,
                    test: /src\/lib\/(result|store\/store|store\/records\/(validate|lesson-progress)|progress\/(index|browser|progress))\.ts$|src\/components\/shared\/tasks\.ts$|vite\/preload-helper/,
                  },
                ],
              },
            },
          },
        },
      },
      // The pages' stylesheets in one file: each component's styles would otherwise be a chunk
      // of its own, split by which pages use them (a lesson linked 6 to 9 stylesheets). One
      // file is fetched once and cached for every page; it is not inlined (no per-page copies).
      prerender: {
        build: {
          rolldownOptions: {
            output: { codeSplitting: { groups: [{ name: "site", test: /\.css$|[?&]lang\.css$/ }] } },
          },
        },
      },
    },
  },
});
