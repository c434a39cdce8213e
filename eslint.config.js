// ESLint flat config: typescript-eslint's recommended rules, `_`-prefixed unused parameters allowed.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

export default tseslint.config(
  { ignores: ["node_modules", "**/dist", "graph-data/build", "artifacts", "bench/out", ".compiled"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": ["error", { allow: ["warn", "error"] }],
    },
  },
  { files: ["tests/**", "bench/**", "bin/**", "web/**"], rules: { "no-console": "off" } },
);
