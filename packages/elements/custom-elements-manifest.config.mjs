/**
 * custom-elements.json from the elements' JSDoc. A plugin drops what the analyzer cannot tell
 * apart from public API: reactive state fields (named `_…`) and events it found dispatched
 * through a variable (they have no name; every event is documented with @fires).
 */
export default {
  globs: ['src/components/**/*.component.ts'],
  litelement: true,
  // package.json names the manifest itself; cem would write whatever --outdir it was given.
  packagejson: false,
  plugins: [
    {
      name: 'promkit-public-api-only',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules) {
          for (const declaration of mod.declarations ?? []) {
            declaration.attributes = declaration.attributes?.filter((a) => !a.name.startsWith('_'));
            declaration.members = declaration.members?.filter((m) => !m.name.startsWith('_') && m.privacy !== 'private');
            declaration.events = declaration.events?.filter((e) => e.name);
          }
        }
      },
    },
  ],
};
