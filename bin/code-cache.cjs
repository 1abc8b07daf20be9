'use strict';
/**
 * The bundled command line's chunks (dist/bundle/*.cjs) compiled from V8's code cache: the build
 * (scripts/record-code-cache.cjs) runs a few questions and saves, next to each chunk, V8's compiled
 * form of it and of every function those questions ran (chunk.cjs.v8cache). Compiling from it skips
 * parsing and compiling ~400 KB of JavaScript at every start (~10 ms of `awsbot ask`; Node 22 has
 * module.enableCompileCache for this, Node 20 does not). A cache V8 rejects (another Node, other
 * flags, a rebuilt chunk) or a missing one only means compiling as usual; answers never depend on it.
 */
const Module = require('node:module');
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

const BUNDLE = path.join(__dirname, '..', 'dist', 'bundle') + path.sep;
const stats = { used: 0, rejected: 0, missing: 0 };
/** Scripts compiled while recording, with where to save their cache. */
const recorded = [];

/** Compile dist/bundle/*.cjs from their saved caches (or, recording, compile them to save later). */
function install(options = {}) {
  const record = options.record === true;
  const compile = Module.prototype._compile;
  Module.prototype._compile = function compileWithCache(content, filename) {
    if (typeof filename !== 'string' || !filename.startsWith(BUNDLE) || !filename.endsWith('.cjs')) return compile.call(this, content, filename);
    const cacheFile = `${filename}.v8cache`;
    let cachedData;
    if (!record) {
      try {
        cachedData = fs.readFileSync(cacheFile);
      } catch {
        stats.missing++;
      }
    }
    const script = new vm.Script(Module.wrap(content), {
      filename,
      cachedData,
      ...(vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER ? { importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER } : {}),
    });
    if (cachedData) stats[script.cachedDataRejected ? 'rejected' : 'used']++;
    if (record) recorded.push({ script, cacheFile });
    const module = this;
    const require = (id) => module.require(id);
    require.resolve = (request, opts) => Module._resolveFilename(request, module, false, opts);
    require.main = process.mainModule;
    require.cache = Module._cache;
    return script.runInThisContext({ displayErrors: true }).call(module.exports, module.exports, require, module, filename, path.dirname(filename));
  };
}

/** Saves the cache of every chunk compiled while recording, with the functions run so far; returns their files. */
function save() {
  return recorded.map(({ script, cacheFile }) => {
    fs.writeFileSync(cacheFile, script.createCachedData());
    return cacheFile;
  });
}

module.exports = { install, save, stats };
