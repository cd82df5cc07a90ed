import typescript from '@rollup/plugin-typescript';

/** ESM build of @promkit/core (its `rules`, `grafana`, `edit` and `json-schema` entries, and the `promkit` command) with type declarations. */
export default {
  input: ['src/index.ts', 'src/rules/index.ts', 'src/grafana/index.ts', 'src/edit/index.ts', 'src/json-schema/index.ts', 'src/templates/index.ts', 'src/cli/main.ts'],
  output: { dir: 'dist', format: 'es', sourcemap: true, preserveModules: true, preserveModulesRoot: 'src' },
  external: [/^ky(\/|$)/, /^zod(\/|$)/, /^yaml(\/|$)/, /^node:/, 'esbuild'],
  plugins: [
    typescript({
      tsconfig: './tsconfig.json',
      compilerOptions: { module: 'NodeNext', composite: false, declaration: true, declarationMap: true, outDir: 'dist', rootDir: 'src' },
    }),
  ],
};
