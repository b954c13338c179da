// NestJS 12 and its packages ship as ES modules only. Node 20.19+ loads them from our CommonJS
// build (require(esm)); Jest's own module loader does not before Node 24.9, so under Jest they
// are compiled to CommonJS by swc like our sources. `import.meta.url` has no CommonJS
// equivalent for swc to emit, so it becomes the file's URL first; a module-level
// `const require = createRequire(import.meta.url)` is dropped, CommonJS has its own `require`.
const swc = require('@swc/jest').createTransformer({
  jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' },
  module: { type: 'commonjs' },
});

// A change to this file must invalidate what Jest cached from its earlier versions.
const ownVersion = require('node:crypto').createHash('sha256').update(require('node:fs').readFileSync(__filename)).digest('hex');

module.exports = {
  getCacheKey(source, filename, options) {
    return require('node:crypto').createHash('sha256').update(ownVersion).update(swc.getCacheKey(source, filename, options)).digest('hex');
  },
  process(source, filename, options) {
    const cjsSource = source
      .replace(/^const require = createRequire\(import\.meta\.url\);$/m, '')
      .replace(/import\.meta\.url/g, '("file://" + __filename)');
    return swc.process(cjsSource, filename, options);
  },
};
