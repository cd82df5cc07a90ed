import typescript from '@rollup/plugin-typescript';

/** ESM build of @promkit/core with type declarations; dependencies stay external. */
export default {
  input: 'src/index.ts',
  output: { dir: 'dist', format: 'es', sourcemap: true, preserveModules: true, preserveModulesRoot: 'src' },
  external: [/^ky(\/|$)/, /^zod(\/|$)/],
  plugins: [
    typescript({
      tsconfig: './tsconfig.json',
      compilerOptions: { module: 'NodeNext', composite: false, declaration: true, declarationMap: true, outDir: 'dist', rootDir: 'src' },
    }),
  ],
};
