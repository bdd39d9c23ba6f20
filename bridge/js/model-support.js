// Support code for sqzjs's app-model layer (model.js, associations.js):
// the parts of lodash, inflection 1.13 and validator.js that Sequelize 6's
// Model code relies on, reimplemented with the same results for the values
// models see.
//
// The file is one function expression: (native, lib) => void; it adds its
// helpers to lib.
(function (native, lib) {
  'use strict';

  const hasOwn = (o, k) => Object.prototype.hasOwnProperty.call(o, k);

  function isPlainObject(v) {
    if (v === null || typeof v !== 'object') return false;
    const proto = Object.getPrototypeOf(v);
    return proto === null || proto === Object.prototype;
  }
  function isObject(v) {
    return v !== null && (typeof v === 'object' || typeof v === 'function');
  }
  function isBuffer(v) {
    return typeof Buffer !== 'undefined' && Buffer.isBuffer(v);
  }

  // ---------------------------------------------------------------- lodash
  // cloneDeep as Utils.cloneDeep does it: arrays and plain objects (with
  // their symbol keys) are copied deeply; other objects are kept; a value
  // with a clone() method is cloned with it. Like lodash's cloneDeepWith, a
  // value met again inside itself (an include's parent) is the copy made of
  // it, so cyclic options are copied with their cycles.
  function cloneDeep(obj, onlyPlain) {
    obj = obj || {};
    return cloneValue(obj, onlyPlain, true, new Map());
  }
  function cloneValue(v, onlyPlain, top, seen) {
    if (Array.isArray(v)) {
      if (seen.has(v)) return seen.get(v);
      const out = [];
      seen.set(v, out);
      for (const x of v) out.push(cloneValue(x, onlyPlain, false, seen));
      return out;
    }
    if (isPlainObject(v)) {
      if (seen.has(v)) return seen.get(v);
      const out = {};
      seen.set(v, out);
      for (const k of Object.keys(v)) out[k] = cloneValue(v[k], onlyPlain, false, seen);
      for (const s of Object.getOwnPropertySymbols(v)) {
        if (Object.prototype.propertyIsEnumerable.call(v, s)) out[s] = cloneValue(v[s], onlyPlain, false, seen);
      }
      return out;
    }
    if (onlyPlain || (v !== null && typeof v === 'object')) return v;
    if (v && typeof v.clone === 'function') return v.clone();
    if (typeof v === 'function' && top) return {};
    return v;
  }

  // _.cloneDeep (plain lodash): also copies Dates, Sets, Maps and Buffers.
  function lodashCloneDeep(v) {
    if (Array.isArray(v)) return v.map(lodashCloneDeep);
    if (v instanceof Date) return new Date(v.getTime());
    if (isBuffer(v)) return Buffer.from(v);
    if (v instanceof Set) return new Set(Array.from(v, lodashCloneDeep));
    if (v instanceof Map) return new Map(Array.from(v, ([a, b]) => [lodashCloneDeep(a), lodashCloneDeep(b)]));
    if (isObject(v) && typeof v !== 'function') {
      const out = Object.create(Object.getPrototypeOf(v));
      for (const k of Object.keys(v)) out[k] = lodashCloneDeep(v[k]);
      for (const s of Object.getOwnPropertySymbols(v)) {
        if (Object.prototype.propertyIsEnumerable.call(v, s)) out[s] = lodashCloneDeep(v[s]);
      }
      return out;
    }
    return v;
  }

  // _.defaults: fills keys whose value is undefined.
  function defaults(obj, ...sources) {
    obj = Object(obj);
    for (const src of sources) {
      if (src == null) continue;
      for (const k of Object.keys(src)) {
        const v = obj[k];
        if (v === undefined || (v === Object.prototype[k] && !hasOwn(obj, k))) obj[k] = src[k];
      }
    }
    return obj;
  }

  // Utils.defaults: like _.defaults, symbols included.
  function utilsDefaults(object, ...sources) {
    object = Object(object);
    for (const source of sources) {
      if (!source) continue;
      const src = Object(source);
      for (const key of [...Object.keys(src), ...Object.getOwnPropertySymbols(src)]) {
        const value = object[key];
        if (value === undefined || (value === Object.prototype[key] && !hasOwn(object, key))) {
          object[key] = src[key];
        }
      }
    }
    return object;
  }

  // Utils.merge.
  function merge(...objs) {
    const result = {};
    for (const obj of objs) {
      if (!obj) continue;
      for (const key of Object.keys(obj)) {
        const value = obj[key];
        if (value === undefined) continue;
        if (!result[key]) {
          result[key] = value;
        } else if (isPlainObject(value) && isPlainObject(result[key])) {
          result[key] = merge(result[key], value);
        } else if (Array.isArray(value) && Array.isArray(result[key])) {
          result[key] = value.concat(result[key]);
        } else {
          result[key] = value;
        }
      }
    }
    return result;
  }

  // Utils.mergeDefaults: _.mergeWith keeping a's non-object values.
  function mergeDefaults(a, b) {
    for (const key of Object.keys(b)) {
      const av = a[key];
      const bv = b[key];
      if (!isPlainObject(av) && av !== undefined) continue;
      if (isPlainObject(av) && isPlainObject(bv)) {
        mergeDefaults(av, bv);
      } else if (av === undefined && isPlainObject(bv)) {
        a[key] = mergeDefaults({}, bv);
      } else if (bv !== undefined || !(key in a)) {
        a[key] = bv;
      }
    }
    return a;
  }

  // _.isEqual for the values attributes hold.
  function isEqual(a, b) {
    if (a === b) return true;
    if (typeof a === 'number' && typeof b === 'number') return a !== a && b !== b;
    if (!isObject(a) || !isObject(b)) return false;
    if (typeof a === 'function' || typeof b === 'function') return false;
    const ta = Object.prototype.toString.call(a);
    if (ta !== Object.prototype.toString.call(b)) return false;
    if (a instanceof Date) return b instanceof Date && a.getTime() === b.getTime();
    if (isBuffer(a) || isBuffer(b)) return isBuffer(a) && isBuffer(b) && a.equals(b);
    if (Array.isArray(a)) {
      if (!Array.isArray(b) || a.length !== b.length) return false;
      for (let i = 0; i < a.length; i++) if (!isEqual(a[i], b[i])) return false;
      return true;
    }
    if (a instanceof Set || a instanceof Map) {
      if (a.size !== b.size) return false;
      return isEqual(Array.from(a), Array.from(b));
    }
    if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b) && !(isPlainObject(a) && isPlainObject(b))) return false;
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    if (ka.length !== kb.length) return false;
    for (const k of ka) {
      if (!hasOwn(b, k) || !isEqual(a[k], b[k])) return false;
    }
    return true;
  }

  const intersection = (a, b) => uniq(a.filter((x) => b.includes(x)));
  const difference = (a, b) => a.filter((x) => !b.includes(x));
  const uniq = (a) => a.filter((x, i) => a.indexOf(x) === i);
  const union = (...arrays) => uniq([].concat(...arrays));
  const without = (a, ...vals) => a.filter((x) => !vals.includes(x));
  function pick(obj, keys) {
    const out = {};
    for (const k of keys) if (obj != null && k in Object(obj)) out[k] = obj[k];
    return out;
  }
  function omit(obj, keys) {
    const out = {};
    for (const k of Object.keys(obj || {})) if (!keys.includes(k)) out[k] = obj[k];
    for (const s of Object.getOwnPropertySymbols(obj || {})) out[s] = obj[s];
    return out;
  }
  function omitBy(obj, pred) {
    const out = {};
    for (const k of Object.keys(obj || {})) if (!pred(obj[k], k)) out[k] = obj[k];
    return out;
  }
  function mapValues(obj, fn) {
    const out = {};
    for (const k of Object.keys(obj || {})) out[k] = fn(obj[k], k);
    return out;
  }
  function isEmpty(v) {
    if (v == null) return true;
    if (Array.isArray(v) || typeof v === 'string') return v.length === 0;
    if (v instanceof Map || v instanceof Set) return v.size === 0;
    if (typeof v === 'object') return Object.keys(v).length === 0;
    return true;
  }
  const upperFirst = (s) => (s ? s.charAt(0).toUpperCase() + s.slice(1) : s);
  const lowerFirst = (s) => (s ? s.charAt(0).toLowerCase() + s.slice(1) : s);
  function getPath(obj, path, dflt) {
    let cur = obj;
    for (const p of path.split('.')) {
      if (cur == null) return dflt;
      cur = cur[p];
    }
    return cur === undefined ? dflt : cur;
  }
  function flattenDepth(arr, depth) {
    let out = arr;
    for (let i = 0; i < depth; i++) out = [].concat(...out.map((x) => (Array.isArray(x) ? x : [x])));
    return out;
  }

  // ---------------------------------------------------------------- Utils
  const Op = lib.Op;
  const operatorSymbols = new Set(Object.values(Op));
  function getOperators(obj) {
    return Object.getOwnPropertySymbols(obj).filter((s) => operatorSymbols.has(s));
  }
  function getComplexKeys(obj) {
    return getOperators(obj).concat(Object.keys(obj));
  }
  function getComplexSize(obj) {
    return Array.isArray(obj) ? obj.length : getComplexKeys(obj).length;
  }
  function isWhereEmpty(obj) {
    return !!obj && isEmpty(obj) && getOperators(obj).length === 0;
  }
  function camelize(str) {
    return str.trim().replace(/[-_\s]+(.)?/g, (match, c) => c.toUpperCase());
  }
  function underscoredIf(str, condition) {
    return condition ? lib.underscore(str) : str;
  }
  function combineTableNames(a, b) {
    return a.toLowerCase() < b.toLowerCase() ? a + b : b + a;
  }

  // ---------------------------------------------------------------- inflection 1.13.4
  const uncountable = new Set(('accommodation adulthood advertising advice aggression aid air aircraft alcohol anger applause ' +
    'arithmetic assistance athletics bacon baggage beef biology blood botany bread butter carbon cardboard cash chalk chaos ' +
    'chess crossroads countryside dancing deer dignity dirt dust economics education electricity engineering enjoyment envy ' +
    'equipment ethics evidence evolution fame fiction flour flu food fuel fun furniture gallows garbage garlic genetics gold ' +
    'golf gossip gratitude grief guilt gymnastics happiness hardware harm hate hatred health heat help homework honesty honey ' +
    'hospitality housework humour hunger hydrogen ice importance inflation information innocence iron irony jam jewelry judo ' +
    'karate knowledge lack laughter lava leather leisure lightning linguine linguini linguistics literature litter livestock ' +
    'logic loneliness luck luggage macaroni machinery magic management mankind marble mathematics mayonnaise measles methane ' +
    'milk minus money mud music mumps nature news nitrogen nonsense nurture nutrition obedience obesity oxygen pasta patience ' +
    'physics poetry pollution poverty pride psychology publicity punctuation quartz racism relaxation reliability research ' +
    'respect revenge rice rubbish rum safety scenery seafood seaside series shame sheep shopping sleep smoke smoking snow soap ' +
    'software soil spaghetti species steam stuff stupidity sunshine symmetry tennis thirst thunder timber traffic ' +
    'transportation trust underwear unemployment unity validity veal vegetation vegetarianism vengeance violence vitality ' +
    'warmth wealth weather welfare wheat wildlife wisdom yoga zinc zoology').split(' '));
  const re = (s) => new RegExp(s, 'gi');
  const P = {
    men: re('^(m|wom)en$'), people: re('(pe)ople$'), children: re('(child)ren$'), tia: re('([ti])a$'),
    analyses: re('((a)naly|(b)a|(d)iagno|(p)arenthe|(p)rogno|(s)ynop|(t)he)ses$'), databases: re('(database)s$'),
    drives: re('(drive)s$'), hives: re('(hi|ti)ves$'), curves: re('(curve)s$'), lrves: re('([lr])ves$'), aves: re('([a])ves$'),
    foves: re('([^fo])ves$'), movies: re('(m)ovies$'), aeiouyies: re('([^aeiouy]|qu)ies$'), series: re('(s)eries$'),
    xes: re('(x|ch|ss|sh)es$'), mice: re('([m|l])ice$'), buses: re('(bus)es$'), oes: re('(o)es$'), shoes: re('(shoe)s$'),
    crises: re('(cris|ax|test)es$'), octopuses: re('(octop|vir)uses$'), aliases: re('(alias|canvas|status|campus)es$'),
    summonses: re('^(summons|bonus)es$'), oxen: re('^(ox)en'), matrices: re('(matr)ices$'), vertices: re('(vert|ind)ices$'),
    feet: re('^feet$'), teeth: re('^teeth$'), geese: re('^geese$'), quizzes: re('(quiz)zes$'), whereases: re('^(whereas)es$'),
    criteria: re('^(criteri)a$'), genera: re('^genera$'), ss: re('ss$'), s: re('s$'),
  };
  const S = {
    man: re('^(m|wom)an$'), person: re('(pe)rson$'), child: re('(child)$'), drive: re('(drive)$'), ox: re('^(ox)$'),
    axis: re('(ax|test)is$'), octopus: re('(octop|vir)us$'), alias: re('(alias|status|canvas|campus)$'),
    summons: re('^(summons|bonus)$'), bus: re('(bu)s$'), buffalo: re('(buffal|tomat|potat)o$'), tium: re('([ti])um$'),
    sis: re('sis$'), ffe: re('(?:([^f])fe|([lr])f)$'), hive: re('(hi|ti)ve$'), aeiouyy: re('([^aeiouy]|qu)y$'),
    x: re('(x|ch|ss|sh)$'), matrix: re('(matr)ix$'), vertex: re('(vert|ind)ex$'), mouse: re('([m|l])ouse$'),
    foot: re('^foot$'), tooth: re('^tooth$'), goose: re('^goose$'), quiz: re('(quiz)$'), whereas: re('^(whereas)$'),
    criterion: re('^(criteri)on$'), genus: re('^genus$'), s: re('s$'), common: re('$'),
  };
  const pluralRules = [
    [P.men], [P.people], [P.children], [P.tia], [P.analyses], [P.databases], [P.drives], [P.hives], [P.curves],
    [P.lrves], [P.foves], [P.aeiouyies], [P.series], [P.movies], [P.xes], [P.mice], [P.buses], [P.oes], [P.shoes],
    [P.crises], [P.octopuses], [P.aliases], [P.summonses], [P.oxen], [P.matrices], [P.feet], [P.teeth], [P.geese],
    [P.quizzes], [P.whereases], [P.criteria], [P.genera],
    [S.man, '$1en'], [S.person, '$1ople'], [S.child, '$1ren'], [S.drive, '$1s'], [S.ox, '$1en'], [S.axis, '$1es'],
    [S.octopus, '$1uses'], [S.alias, '$1es'], [S.summons, '$1es'], [S.bus, '$1ses'], [S.buffalo, '$1oes'],
    [S.tium, '$1a'], [S.sis, 'ses'], [S.ffe, '$1$2ves'], [S.hive, '$1ves'], [S.aeiouyy, '$1ies'], [S.matrix, '$1ices'],
    [S.vertex, '$1ices'], [S.x, '$1es'], [S.mouse, '$1ice'], [S.foot, 'feet'], [S.tooth, 'teeth'], [S.goose, 'geese'],
    [S.quiz, '$1zes'], [S.whereas, '$1es'], [S.criterion, '$1a'], [S.genus, 'genera'], [S.s, 's'], [S.common, 's'],
  ];
  const singularRules = [
    [S.man], [S.person], [S.child], [S.drive], [S.ox], [S.axis], [S.octopus], [S.alias], [S.summons], [S.bus],
    [S.buffalo], [S.tium], [S.sis], [S.ffe], [S.hive], [S.aeiouyy], [S.x], [S.matrix], [S.mouse], [S.foot], [S.tooth],
    [S.goose], [S.quiz], [S.whereas], [S.criterion], [S.genus],
    [P.men, '$1an'], [P.people, '$1rson'], [P.children, '$1'], [P.databases, '$1'], [P.drives, '$1'], [P.genera, 'genus'],
    [P.criteria, '$1on'], [P.tia, '$1um'], [P.analyses, '$1$2sis'], [P.hives, '$1ve'], [P.curves, '$1'], [P.lrves, '$1f'],
    [P.aves, '$1ve'], [P.foves, '$1fe'], [P.movies, '$1ovie'], [P.aeiouyies, '$1y'], [P.series, '$1eries'], [P.xes, '$1'],
    [P.mice, '$1ouse'], [P.buses, '$1'], [P.oes, '$1'], [P.shoes, '$1'], [P.crises, '$1is'], [P.octopuses, '$1us'],
    [P.aliases, '$1'], [P.summonses, '$1'], [P.oxen, '$1'], [P.matrices, '$1ix'], [P.vertices, '$1ex'], [P.feet, 'foot'],
    [P.teeth, 'tooth'], [P.geese, 'goose'], [P.quizzes, '$1'], [P.whereases, '$1'], [P.ss, 'ss'], [P.s, ''],
  ];
  function applyRules(str, rules) {
    if (uncountable.has(str.toLowerCase())) return str;
    for (const [rx, repl] of rules) {
      if (str.match(rx)) {
        if (repl !== undefined) str = str.replace(rx, repl);
        break;
      }
    }
    return str;
  }
  const pluralize = (s) => applyRules(s, pluralRules);
  const singularize = (s) => applyRules(s, singularRules);

  // ---------------------------------------------------------------- validator.js (13.x) subset
  function assertString(input) {
    if (typeof input !== 'string' && !(input instanceof String)) {
      const t = input === null ? 'null' : typeof input;
      throw new TypeError(`Expected a string but received a ${t}`);
    }
  }
  function toFloat(str) { return parseFloat(str); }
  function isFQDN(str, options) {
    options = Object.assign({ require_tld: true, allow_underscores: false, allow_trailing_dot: false, allow_numeric_tld: false }, options);
    if (options.allow_trailing_dot && str[str.length - 1] === '.') str = str.substring(0, str.length - 1);
    if (options.allow_wildcard === true && str.indexOf('*.') === 0) str = str.substring(2);
    const parts = str.split('.');
    const tld = parts[parts.length - 1];
    if (options.require_tld) {
      if (parts.length < 2) return false;
      if (!options.allow_numeric_tld && !/^([a-z\u00A1-\u00A8\u00AA-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF]{2,}|xn[a-z0-9-]{2,})$/i.test(tld)) return false;
      if (/\s/.test(tld)) return false;
    }
    if (!options.allow_numeric_tld && /^\d+$/.test(tld)) return false;
    return parts.every((part) => {
      if (part.length > 63 && !options.ignore_max_length) return false;
      if (!/^[a-z_\u00a1-\uffff0-9-]+$/i.test(part)) return false;
      if (/[\uff01-\uff5e]/.test(part)) return false;
      if (/^-|-$/.test(part)) return false;
      if (!options.allow_underscores && /_/.test(part)) return false;
      return true;
    });
  }
  const ipv4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]\d|\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]\d|\d)$/;
  function isIP(str, version) {
    version = String(version || '');
    if (!version) return isIP(str, 4) || isIP(str, 6);
    if (version === '4') return ipv4.test(str);
    if (version === '6') return /^(([0-9a-f]{1,4}:){7}[0-9a-f]{1,4}|(([0-9a-f]{1,4}:){0,7}[0-9a-f]{0,4})?::(([0-9a-f]{1,4}:){0,7}[0-9a-f]{0,4})?)$/i.test(str);
    return false;
  }
  const byteLength = (s) => encodeURI(s).split(/%..|./).length - 1;
  // validator's util/merge: fills the caller's options object with the
  // defaults (Sequelize reports that object as validatorArgs).
  function vmerge(obj, dflts) {
    if (typeof obj !== 'object' || obj === null) obj = {};
    for (const key in dflts) {
      if (typeof obj[key] === 'undefined') obj[key] = dflts[key];
    }
    return obj;
  }
  const defaultEmailOptions = {
    allow_display_name: false, allow_underscores: false, require_display_name: false, allow_utf8_local_part: true,
    require_tld: true, blacklisted_chars: '', ignore_max_length: false, host_blacklist: [], host_whitelist: [],
  };
  const defaultURLOptions = {
    protocols: ['http', 'https', 'ftp'], require_tld: true, require_protocol: false, require_host: true,
    require_port: false, require_valid_protocol: true, allow_underscores: false, allow_trailing_dot: false,
    allow_protocol_relative_urls: false, allow_fragments: true, allow_query_components: true, validate_length: true,
    max_allowed_length: 2084,
  };
  function isEmail(str, options) {
    assertString(str);
    vmerge(options, defaultEmailOptions);
    if (str.length > 254) return false;
    const parts = str.split('@');
    const domain = parts.pop();
    let user = parts.join('@');
    if (byteLength(user) > 64 || byteLength(domain) > 254) return false;
    if (!isFQDN(domain, { require_tld: true })) return false;
    if (user[0] === '"' && user[user.length - 1] === '"') {
      user = user.slice(1, user.length - 1);
      return /^([\s\x01-\x08\x0b\x0c\x0e-\x1f\x7f\x21\x23-\x5b\x5d-\x7e\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF]|(\\[\x01-\x09\x0b\x0c\x0d-\x7f\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF]))*$/i.test(user);
    }
    const pattern = /^[a-z\d!#$%&'*+\-/=?^_`{|}~\u00A1-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF]+$/i;
    return user.split('.').every((p) => pattern.test(p));
  }
  function isURL(url, options) {
    assertString(url);
    if (!url || /[\s<>]/.test(url) || url.indexOf('mailto:') === 0) return false;
    options = vmerge(options, defaultURLOptions);
    if (options.validate_length && url.length > options.max_allowed_length) return false;
    let split = url.split('#');
    url = split.shift();
    split = url.split('?');
    url = split.shift();
    split = url.split('://');
    if (split.length > 1) {
      const protocol = split.shift().toLowerCase();
      if (!['http', 'https', 'ftp'].includes(protocol)) return false;
    } else if (url.slice(0, 2) === '//') {
      return false;
    }
    url = split.join('://');
    if (url === '') return false;
    split = url.split('/');
    let host = split.shift();
    if (host === '') return false;
    split = host.split('@');
    if (split.length > 1) {
      const auth = split.shift();
      if (auth.indexOf(':') === 0 || auth.split(':').length > 2) return false;
    }
    const hostname = split.join('@');
    let port = null;
    const wrapped = hostname.match(/^\[([^\]]+)\](?::([0-9]+))?$/);
    if (wrapped) {
      host = wrapped[1];
      port = wrapped[2];
    } else {
      split = hostname.split(':');
      host = split.shift();
      if (split.length) port = split.join(':');
    }
    if (port !== null && port.length > 0) {
      const n = parseInt(port, 10);
      if (!/^[0-9]+$/.test(port) || n <= 0 || n > 65535) return false;
    }
    return isIP(host) || isFQDN(host) || host === 'localhost';
  }
  const alpha = { 'en-US': /^[A-Z]+$/i };
  const alphanumeric = { 'en-US': /^[0-9A-Z]+$/i };
  const uuidRe = {
    1: /^[0-9A-F]{8}-[0-9A-F]{4}-1[0-9A-F]{3}-[0-9A-F]{4}-[0-9A-F]{12}$/i,
    3: /^[0-9A-F]{8}-[0-9A-F]{4}-3[0-9A-F]{3}-[0-9A-F]{4}-[0-9A-F]{12}$/i,
    4: /^[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/i,
    5: /^[0-9A-F]{8}-[0-9A-F]{4}-5[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/i,
    all: /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/i,
  };
  function toStringArg(v) {
    if (typeof v === 'object' && v !== null) {
      if (typeof v.toString === 'function') return v.toString();
      return '[object Object]';
    }
    if (v === null || v === undefined || Number.isNaN(v)) return '';
    return String(v);
  }
  const validator = {
    isEmail,
    isURL,
    isUrl(str) { return this.isURL(str); },
    isFQDN(str, o) { assertString(str); return isFQDN(str, o); },
    isIP(str, v) { assertString(str); return isIP(str, v); },
    isIPv4(str) { return this.isIP(str, 4); },
    isIPv6(str) { return this.isIP(str, 6); },
    isAlpha(str) { assertString(str); return alpha['en-US'].test(str); },
    isAlphanumeric(str) { assertString(str); return alphanumeric['en-US'].test(str); },
    isNumeric(str) { assertString(str); return /^[+-]?([0-9]*[.])?[0-9]+$/.test(str); },
    isInt(str, options) {
      assertString(str);
      options = options || {};
      const regex = options.allow_leading_zeroes === false ? /^(?:[-+]?(?:0|[1-9][0-9]*))$/ : /^[-+]?[0-9]+$/;
      const minCheckPassed = !Object.prototype.hasOwnProperty.call(options, 'min') || str >= options.min;
      const maxCheckPassed = !Object.prototype.hasOwnProperty.call(options, 'max') || str <= options.max;
      const ltCheckPassed = !Object.prototype.hasOwnProperty.call(options, 'lt') || str < options.lt;
      const gtCheckPassed = !Object.prototype.hasOwnProperty.call(options, 'gt') || str > options.gt;
      return regex.test(str) && minCheckPassed && maxCheckPassed && ltCheckPassed && gtCheckPassed;
    },
    isFloat(str, options) {
      assertString(str);
      options = options || {};
      if (str === '' || str === '.' || str === ',' || str === '-' || str === '+') return false;
      if (!/^(?:[-+])?(?:[0-9]+)?(?:\.[0-9]*)?(?:[eE][+-]?(?:[0-9]+))?$/.test(str)) return false;
      const value = parseFloat(str);
      return (!Object.prototype.hasOwnProperty.call(options, 'min') || value >= options.min) &&
        (!Object.prototype.hasOwnProperty.call(options, 'max') || value <= options.max) &&
        (!Object.prototype.hasOwnProperty.call(options, 'lt') || value < options.lt) &&
        (!Object.prototype.hasOwnProperty.call(options, 'gt') || value > options.gt);
    },
    isDecimal(str) {
      return str !== '' && !!str.match(/^(?:-?(?:[0-9]+))?(?:\.[0-9]*)?(?:[eE][+-]?(?:[0-9]+))?$/);
    },
    isLowercase(str) { assertString(str); return str === str.toLowerCase(); },
    isUppercase(str) { assertString(str); return str === str.toUpperCase(); },
    isUUID(str, version) {
      assertString(str);
      const p = uuidRe[version === undefined || version === null ? 'all' : version];
      return !!p && p.test(str);
    },
    isIn(str, options) {
      assertString(str);
      if (Array.isArray(options)) return options.map(toStringArg).includes(str);
      if (typeof options === 'object' && options !== null) return Object.prototype.hasOwnProperty.call(options, str);
      if (options && typeof options.indexOf === 'function') return options.indexOf(str) >= 0;
      return false;
    },
    equals(str, comparison) { assertString(str); return str === comparison; },
    isLength(str, options) {
      assertString(str);
      let min;
      let max;
      if (typeof options === 'object' && options !== null) {
        min = options.min || 0;
        max = options.max;
      } else {
        min = arguments[1] || 0;
        max = arguments[2];
      }
      const surrogates = str.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g) || [];
      const len = str.length - surrogates.length;
      return len >= min && (typeof max === 'undefined' || len <= max);
    },
    isEmpty(str, options) {
      assertString(str);
      options = options || {};
      return (options.ignore_whitespace ? str.trim().length : str.length) === 0;
    },
    isJSON(str) {
      assertString(str);
      try {
        const obj = JSON.parse(str);
        return !!obj && typeof obj === 'object';
      } catch (e) { return false; }
    },
    isHexadecimal(str) { assertString(str); return /^(0x|0h)?[0-9A-F]+$/i.test(str); },
    isHexColor(str) { assertString(str); return /^#?([0-9A-F]{3}|[0-9A-F]{4}|[0-9A-F]{6}|[0-9A-F]{8})$/i.test(str); },
    isCreditCard(str) {
      assertString(str);
      const s = str.replace(/[- ]+/g, '');
      if (!/^\d{12,19}$/.test(s)) return false;
      let sum = 0;
      let dbl = false;
      for (let i = s.length - 1; i >= 0; i--) {
        let d = parseInt(s[i], 10);
        if (dbl) { d *= 2; if (d > 9) d -= 9; }
        sum += d;
        dbl = !dbl;
      }
      return sum % 10 === 0;
    },
    isAfter(str, date) {
      const comparison = toDateValue(date || new Date().toString());
      const original = toDateValue(str);
      return !!(original && comparison && original > comparison);
    },
    isBefore(str, date) {
      const comparison = toDateValue(date || new Date().toString());
      const original = toDateValue(str);
      return !!(original && comparison && original < comparison);
    },
    // validator-extras.js (Sequelize's additions)
    notEmpty(str) { return !str.match(/^[\s\t\r\n]*$/); },
    len(str, min, max) { return this.isLength(str, min, max); },
    notIn(str, values) { return !this.isIn(str, values); },
    regex(str, pattern, modifiers) {
      str += '';
      if (Object.prototype.toString.call(pattern).slice(8, -1) !== 'RegExp') pattern = new RegExp(pattern, modifiers);
      return str.match(pattern);
    },
    notRegex(str, pattern, modifiers) { return !this.regex(str, pattern, modifiers); },
    min(str, val) { const n = parseFloat(str); return isNaN(n) || n >= val; },
    max(str, val) { const n = parseFloat(str); return isNaN(n) || n <= val; },
    not(str, pattern, modifiers) { return this.notRegex(str, pattern, modifiers); },
    contains(str, elem) { return !!elem && str.includes(elem); },
    notContains(str, elem) { return !this.contains(str, elem); },
    is(str, pattern, modifiers) { return this.regex(str, pattern, modifiers); },
    isImmutable(value, validatorArgs, field, modelInstance) {
      return modelInstance.isNewRecord || modelInstance.dataValues[field] === modelInstance._previousDataValues[field];
    },
    notNull(val) { return val !== null && val !== undefined; },
    isDate(dateString) {
      const parsed = Date.parse(dateString);
      return !isNaN(parsed);
    },
  };
  validator.isNull = validator.isEmpty;
  validator.extend = function (name, fn) { this[name] = fn; return this; };
  function toDateValue(date) {
    const t = Date.parse(date);
    return !isNaN(t) ? new Date(t) : null;
  }
  void toFloat;

  Object.assign(lib, {
    hasOwn, isPlainObject, isObject, isBuffer, cloneDeep, lodashCloneDeep, defaults, utilsDefaults, merge, mergeDefaults,
    isEqual, intersection, difference, uniq, union, without, pick, omit, omitBy, mapValues, isEmpty, upperFirst,
    lowerFirst, getPath, flattenDepth, getOperators, getComplexKeys, getComplexSize, isWhereEmpty, camelize,
    underscoredIf, combineTableNames, pluralize, singularize, validator,
  });
})
