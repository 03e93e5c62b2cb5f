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
    ],
    environments: {
      // What every page's up-front script (src/components/page/boot.ts) imports, the store it reads
      // progress through, its task helper and Vite's preload helper, in one chunk instead of six.
      client: {
        build: {
          rolldownOptions: {
            output: {
              codeSplitting: {
                groups: [
                  {
                    name: "page-boot",
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
