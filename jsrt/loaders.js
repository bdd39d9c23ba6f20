// Stand-ins jsrt gives for packages that only make sense under Node: the loader hooks projects
// register so that Node can read TypeScript and ES modules (sqzjs transpiles by itself, so they
// do nothing), and dotenv for projects that call require('dotenv').config() without having the
// package installed. It is compiled the first time one of them is required.
(function (requireFrom) {
  'use strict';

  // ---- loader hooks -----------------------------------------------------------------------

  function hook(name, from) {
    switch (name) {
      case 'ts-node': {
        const service = {
          enabled: () => true,
          ignored: () => false,
          compile: (code) => code,
          options: {},
          config: { options: {} },
        };
        return { register: () => service, create: () => service, REGISTER_INSTANCE: Symbol.for('ts-node.register.instance') };
      }
      case '@babel/register':
      case 'babel-register': {
        const register = function register() {};
        register.default = register;
        register.revert = function revert() {};
        return register;
      }
      case 'esm':
        // require = require('esm')(module): a require for the calling file.
        return function esm(mod) {
          const file = (mod && typeof mod.filename === 'string' && mod.filename) || from;
          const req = (id) => requireFrom(id, file);
          req.resolve = require.resolve;
          req.cache = require.cache;
          return req;
        };
      case 'tsx/cjs/api':
      case 'tsx/esm/api': {
        const unregister = () => Promise.resolve();
        return {
          register: () => Object.assign(() => Promise.resolve(), { unregister }),
          require: (id, parent) => requireFrom(id, typeof parent === 'string' ? parent.replace(/^file:\/\//, '') : from),
        };
      }
      case 'esbuild-register/dist/node':
      case '@swc-node/register/register':
        return { register: () => ({ unregister() {} }) };
      case 'source-map-support':
        return { install() {}, wrapCallSite: (site) => site, getErrorSource: () => null, resetRetrieveHandlers() {} };
      default:
        return {};
    }
  }

  // ---- dotenv -----------------------------------------------------------------------------
  // dotenv 16's parse, config and populate (the .env grammar: KEY=value, export KEY=value,
  // KEY: value, quotes, # comments, \n in double quotes), without its vault and logging.

  const LINE = /(?:^|^)\s*(?:export\s+)?([\w.-]+)(?:\s*=\s*?|:\s+?)(\s*'(?:\\'|[^'])*'|\s*"(?:\\"|[^"])*"|\s*`(?:\\`|[^`])*`|[^#\r\n]+)?\s*(?:#.*)?(?:$|$)/gm;

  function parse(src) {
    const obj = {};
    const lines = String(src).replace(/\r\n?/gm, '\n');
    LINE.lastIndex = 0;
    let match;
    while ((match = LINE.exec(lines)) != null) {
      const key = match[1];
      let value = (match[2] || '').trim();
      const maybeQuote = value[0];
      value = value.replace(/^(['"`])([\s\S]*)\1$/gm, '$2');
      if (maybeQuote === '"') {
        value = value.replace(/\\n/g, '\n').replace(/\\r/g, '\r');
      }
      obj[key] = value;
    }
    return obj;
  }

  function populate(target, source, options) {
    const override = Boolean(options && options.override);
    if (typeof source !== 'object' || source === null) {
      const err = new Error('OBJECT_REQUIRED: Please check the processEnv argument being passed to populate');
      err.code = 'OBJECT_REQUIRED';
      throw err;
    }
    for (const key of Object.keys(source)) {
      if (Object.prototype.hasOwnProperty.call(target, key)) {
        if (override) target[key] = source[key];
      } else {
        target[key] = source[key];
      }
    }
  }

  function config(options) {
    options = options || {};
    const fs = require('fs');
    const path = require('path');
    let paths = [path.resolve(process.cwd(), '.env')];
    if (options.path) {
      paths = (Array.isArray(options.path) ? options.path : [options.path]).map((p) => (p instanceof URL ? p.pathname : String(p)));
    }
    const encoding = options.encoding || 'utf8';
    const processEnv = options.processEnv || process.env;
    const parsedAll = {};
    let lastError;
    for (const p of paths) {
      try {
        populate(parsedAll, parse(fs.readFileSync(p, { encoding })), options);
      } catch (e) {
        lastError = e;
      }
    }
    populate(processEnv, parsedAll, options);
    return lastError ? { parsed: parsedAll, error: lastError } : { parsed: parsedAll };
  }

  function configFromEnvironment() {
    const env = process.env;
    const options = {};
    if (env.DOTENV_CONFIG_PATH) options.path = env.DOTENV_CONFIG_PATH;
    if (env.DOTENV_CONFIG_ENCODING) options.encoding = env.DOTENV_CONFIG_ENCODING;
    if (env.DOTENV_CONFIG_OVERRIDE) options.override = env.DOTENV_CONFIG_OVERRIDE === 'true';
    for (const arg of process.argv) {
      const m = /^dotenv_config_(encoding|path|override)=(.+)$/.exec(arg);
      if (m) options[m[1]] = m[1] === 'override' ? m[2] === 'true' : m[2];
    }
    return config(options);
  }

  const dotenv = { parse, config, configDotenv: config, populate, decrypt() { throw new Error('sqzjs: dotenv.decrypt needs the dotenv package'); } };
  dotenv.default = dotenv;

  function fallback(name) {
    switch (name) {
      case 'dotenv':
      case '@dotenvx/dotenvx':
        return dotenv;
      case 'dotenv/config':
      case '@dotenvx/dotenvx/config':
        configFromEnvironment();
        return {};
    }
    return undefined;
  }

  return { hook, fallback };
});
