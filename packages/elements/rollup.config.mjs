import typescript from '@rollup/plugin-typescript';

/** ESM build of @promkit/elements with declarations; dependencies stay external for npm users. */
export default {
  input: ['src/index.ts', 'src/define.ts'],
  output: { dir: 'dist', format: 'es', sourcemap: true, preserveModules: true, preserveModulesRoot: 'src' },
  external: [/^lit(\/|$)/, /^@lit\//, /^echarts(\/|$)/, /^@promkit\//, /^marked$/, /^dompurify$/],
  plugins: [
    typescript({
      tsconfig: './tsconfig.json',
      compilerOptions: { module: 'NodeNext', composite: false, declaration: true, declarationMap: true, outDir: 'dist', rootDir: 'src' },
    }),
  ],
};
