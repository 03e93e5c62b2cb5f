// ESLint flat config: typescript-eslint's type-checked rules for every TypeScript file,
// eslint-plugin-astro for .astro files, and the layer boundaries of CONTRIBUTING.md as import rules.
// Formatting belongs to Prettier (eslint-config-prettier switches off the rules that would fight it).
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import astro from "eslint-plugin-astro";
import importX from "eslint-plugin-import-x";
import prettier from "eslint-config-prettier";
import globals from "globals";
import { layerBoundaries } from "./lint/layer-boundaries.js";

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      "dist/",
      "dist-*/",
      ".astro/",
      ".test-output/",
      "test-results/",
      "playwright-report/",
      "classroom/template/",
      "public/",
      ".scratch/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  ...astro.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: [".astro"],
      },
    },
    plugins: { "import-x": importX },
    settings: {
      // import-x reads only .js modules unless told otherwise: the cycle check must follow .ts imports.
      "import-x/extensions": [".ts", ".js", ".mjs"],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts"] },
      "import-x/resolver": { node: { extensions: [".ts", ".js", ".mjs", ".astro"] } },
    },
    rules: {
      // Arguments and catch bindings named with a leading underscore are deliberately unused.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
      // One module graph, one direction: a cycle means two concepts that should be one, or a third missing.
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
    },
  },
  {
    files: ["**/*.astro"],
    // astro-eslint-parser takes `project`, not the project service.
    languageOptions: { parserOptions: { projectService: false, project: true } },
    // Template elements (<li>…</li> inside a .map) have no TypeScript type in the parser, so every
    // element returned from a callback reads as an unsafe `error` value. `astro check` type-checks them.
    rules: { "@typescript-eslint/no-unsafe-return": "off" },
  },
  // Plain JavaScript config files are not part of the TypeScript project.
  { files: ["**/*.js", "**/*.mjs"], ...tseslint.configs.disableTypeChecked },
  // Astro's frontmatter and <script> blocks are type-checked by `astro check`; the virtual files
  // eslint-plugin-astro extracts for <script> are not in the TypeScript project.
  { files: ["**/*.astro/*.ts", "*.astro/*.ts"], ...tseslint.configs.disableTypeChecked },
  ...layerBoundaries,
  prettier,
);
