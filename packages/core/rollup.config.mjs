import typescript from '@rollup/plugin-typescript';

/** ESM build of @promkit/core (and its `rules` and `grafana` entries) with type declarations. */
export default {
  input: ['src/index.ts', 'src/rules/index.ts', 'src/grafana/index.ts'],
  output: { dir: 'dist', format: 'es', sourcemap: true, preserveModules: true, preserveModulesRoot: 'src' },
  external: [/^ky(\/|$)/, /^zod(\/|$)/, /^yaml(\/|$)/],
  plugins: [
    typescript({
      tsconfig: './tsconfig.json',
      compilerOptions: { module: 'NodeNext', composite: false, declaration: true, declarationMap: true, outDir: 'dist', rootDir: 'src' },
    }),
  ],
};
