import nodeResolve from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';

const typescriptFor = (declarations) =>
  typescript({
    tsconfig: './tsconfig.json',
    compilerOptions: { module: 'NodeNext', composite: false, declaration: declarations, declarationMap: declarations, stripInternal: declarations, outDir: 'dist', rootDir: 'src' },
  });

export default [
  /** ESM build with declarations; dependencies stay external for npm users. */
  {
    input: ['src/index.ts', 'src/define.ts', 'src/builder.ts', ...['panel', 'dashboard', 'time-range', 'refresh-picker', 'variable'].map((name) => `src/components/${name}/${name}.ts`)],
    output: { dir: 'dist', format: 'es', sourcemap: true, preserveModules: true, preserveModulesRoot: 'src' },
    external: [/^lit(\/|$)/, /^@lit\//, /^echarts(\/|$)/, /^zrender(\/|$)/, /^@promkit\//, /^marked$/, /^dompurify$/],
    plugins: [typescriptFor(true)],
  },
  /** One minified file for a <script> tag: everything bundled, every element registered. */
  {
    input: 'src/bundle.ts',
    output: { file: 'dist/promkit.min.js', format: 'iife', name: 'promkit', sourcemap: true },
    plugins: [
      replace({ preventAssignment: true, values: { 'process.env.NODE_ENV': JSON.stringify('production') } }),
      nodeResolve({ browser: true, exportConditions: ['browser', 'production', 'import'] }),
      typescriptFor(false),
      terser({ format: { comments: false } }),
    ],
  },
];
