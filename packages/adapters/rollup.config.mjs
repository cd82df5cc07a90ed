import typescript from '@rollup/plugin-typescript';

/** ESM build of @promkit/adapters with declarations; dependencies and node: built-ins stay external. */
export default {
  input: ['src/proxy/index.ts', 'src/dashboards/index.ts', 'src/react/index.ts'],
  output: { dir: 'dist', format: 'es', sourcemap: true, preserveModules: true, preserveModulesRoot: 'src' },
  external: [/^node:/, /^@promkit\//, /^react(\/|$)/, /^@lit\//, /^@electric-sql\//, /^pg$/],
  plugins: [
    typescript({
      tsconfig: './tsconfig.json',
      compilerOptions: { module: 'NodeNext', composite: false, declaration: true, declarationMap: true, outDir: 'dist', rootDir: 'src' },
    }),
  ],
};
