import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  ConfigError,
  FileStage,
  SARIF_FINGERPRINT_KEY,
  claimBatch,
  detectorFailure,
  inlineSuppressionFor,
  loadBaseline,
  loadConfig,
  ruleMatches,
  threadedRun
} from "./chunk-EZ4FKNIL.js";
import {
  fingerprintOf,
  redactIn,
  require_ignore,
  require_picomatch,
  require_utils
} from "./chunk-BLBERJ46.js";
import {
  SEVERITIES,
  formatOf,
  severityRank
} from "./chunk-R6DX3KO7.js";
import {
  __commonJS,
  __require,
  __toESM
} from "./chunk-4JN6GR4P.js";

// node_modules/fast-glob/out/utils/array.js
var require_array = __commonJS({
  "node_modules/fast-glob/out/utils/array.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.splitWhen = exports.flatten = void 0;
    function flatten(items) {
      return items.reduce((collection, item) => [].concat(collection, item), []);
    }
    exports.flatten = flatten;
    function splitWhen(items, predicate) {
      const result = [[]];
      let groupIndex = 0;
      for (const item of items) {
        if (predicate(item)) {
          groupIndex++;
          result[groupIndex] = [];
        } else {
          result[groupIndex].push(item);
        }
      }
      return result;
    }
    exports.splitWhen = splitWhen;
  }
});

// node_modules/fast-glob/out/utils/errno.js
var require_errno = __commonJS({
  "node_modules/fast-glob/out/utils/errno.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.isEnoentCodeError = void 0;
    function isEnoentCodeError(error) {
      return error.code === "ENOENT";
    }
    exports.isEnoentCodeError = isEnoentCodeError;
  }
});

// node_modules/fast-glob/out/utils/fs.js
var require_fs = __commonJS({
  "node_modules/fast-glob/out/utils/fs.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.createDirentFromStats = void 0;
    var DirentFromStats = class {
      constructor(name, stats) {
        this.name = name;
        this.isBlockDevice = stats.isBlockDevice.bind(stats);
        this.isCharacterDevice = stats.isCharacterDevice.bind(stats);
        this.isDirectory = stats.isDirectory.bind(stats);
        this.isFIFO = stats.isFIFO.bind(stats);
        this.isFile = stats.isFile.bind(stats);
        this.isSocket = stats.isSocket.bind(stats);
        this.isSymbolicLink = stats.isSymbolicLink.bind(stats);
      }
    };
    function createDirentFromStats(name, stats) {
      return new DirentFromStats(name, stats);
    }
    exports.createDirentFromStats = createDirentFromStats;
  }
});

// node_modules/fast-glob/out/utils/path.js
var require_path = __commonJS({
  "node_modules/fast-glob/out/utils/path.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.convertPosixPathToPattern = exports.convertWindowsPathToPattern = exports.convertPathToPattern = exports.escapePosixPath = exports.escapeWindowsPath = exports.escape = exports.removeLeadingDotSegment = exports.makeAbsolute = exports.unixify = void 0;
    var os = __require("os");
    var path = __require("path");
    var IS_WINDOWS_PLATFORM = os.platform() === "win32";
    var LEADING_DOT_SEGMENT_CHARACTERS_COUNT = 2;
    var POSIX_UNESCAPED_GLOB_SYMBOLS_RE = /(\\?)([()*?[\]{|}]|^!|[!+@](?=\()|\\(?![!()*+?@[\]{|}]))/g;
    var WINDOWS_UNESCAPED_GLOB_SYMBOLS_RE = /(\\?)([()[\]{}]|^!|[!+@](?=\())/g;
    var DOS_DEVICE_PATH_RE = /^\\\\([.?])/;
    var WINDOWS_BACKSLASHES_RE = /\\(?![!()+@[\]{}])/g;
    function unixify(filepath) {
      return filepath.replace(/\\/g, "/");
    }
    exports.unixify = unixify;
    function makeAbsolute(cwd, filepath) {
      return path.resolve(cwd, filepath);
    }
    exports.makeAbsolute = makeAbsolute;
    function removeLeadingDotSegment(entry) {
      if (entry.charAt(0) === ".") {
        const secondCharactery = entry.charAt(1);
        if (secondCharactery === "/" || secondCharactery === "\\") {
          return entry.slice(LEADING_DOT_SEGMENT_CHARACTERS_COUNT);
        }
      }
      return entry;
    }
    exports.removeLeadingDotSegment = removeLeadingDotSegment;
    exports.escape = IS_WINDOWS_PLATFORM ? escapeWindowsPath : escapePosixPath;
    function escapeWindowsPath(pattern) {
      return pattern.replace(WINDOWS_UNESCAPED_GLOB_SYMBOLS_RE, "\\$2");
    }
    exports.escapeWindowsPath = escapeWindowsPath;
    function escapePosixPath(pattern) {
      return pattern.replace(POSIX_UNESCAPED_GLOB_SYMBOLS_RE, "\\$2");
    }
    exports.escapePosixPath = escapePosixPath;
    exports.convertPathToPattern = IS_WINDOWS_PLATFORM ? convertWindowsPathToPattern : convertPosixPathToPattern;
    function convertWindowsPathToPattern(filepath) {
      return escapeWindowsPath(filepath).replace(DOS_DEVICE_PATH_RE, "//$1").replace(WINDOWS_BACKSLASHES_RE, "/");
    }
    exports.convertWindowsPathToPattern = convertWindowsPathToPattern;
    function convertPosixPathToPattern(filepath) {
      return escapePosixPath(filepath);
    }
    exports.convertPosixPathToPattern = convertPosixPathToPattern;
  }
});

// node_modules/is-extglob/index.js
var require_is_extglob = __commonJS({
  "node_modules/is-extglob/index.js"(exports, module) {
    module.exports = function isExtglob(str) {
      if (typeof str !== "string" || str === "") {
        return false;
      }
      var match;
      while (match = /(\\).|([@?!+*]\(.*\))/g.exec(str)) {
        if (match[2]) return true;
        str = str.slice(match.index + match[0].length);
      }
      return false;
    };
  }
});

// node_modules/is-glob/index.js
var require_is_glob = __commonJS({
  "node_modules/is-glob/index.js"(exports, module) {
    var isExtglob = require_is_extglob();
    var chars = { "{": "}", "(": ")", "[": "]" };
    var strictCheck = function(str) {
      if (str[0] === "!") {
        return true;
      }
      var index = 0;
      var pipeIndex = -2;
      var closeSquareIndex = -2;
      var closeCurlyIndex = -2;
      var closeParenIndex = -2;
      var backSlashIndex = -2;
      while (index < str.length) {
        if (str[index] === "*") {
          return true;
        }
        if (str[index + 1] === "?" && /[\].+)]/.test(str[index])) {
          return true;
        }
        if (closeSquareIndex !== -1 && str[index] === "[" && str[index + 1] !== "]") {
          if (closeSquareIndex < index) {
            closeSquareIndex = str.indexOf("]", index);
          }
          if (closeSquareIndex > index) {
            if (backSlashIndex === -1 || backSlashIndex > closeSquareIndex) {
              return true;
            }
            backSlashIndex = str.indexOf("\\", index);
            if (backSlashIndex === -1 || backSlashIndex > closeSquareIndex) {
              return true;
            }
          }
        }
        if (closeCurlyIndex !== -1 && str[index] === "{" && str[index + 1] !== "}") {
          closeCurlyIndex = str.indexOf("}", index);
          if (closeCurlyIndex > index) {
            backSlashIndex = str.indexOf("\\", index);
            if (backSlashIndex === -1 || backSlashIndex > closeCurlyIndex) {
              return true;
            }
          }
        }
        if (closeParenIndex !== -1 && str[index] === "(" && str[index + 1] === "?" && /[:!=]/.test(str[index + 2]) && str[index + 3] !== ")") {
          closeParenIndex = str.indexOf(")", index);
          if (closeParenIndex > index) {
            backSlashIndex = str.indexOf("\\", index);
            if (backSlashIndex === -1 || backSlashIndex > closeParenIndex) {
              return true;
            }
          }
        }
        if (pipeIndex !== -1 && str[index] === "(" && str[index + 1] !== "|") {
          if (pipeIndex < index) {
            pipeIndex = str.indexOf("|", index);
          }
          if (pipeIndex !== -1 && str[pipeIndex + 1] !== ")") {
            closeParenIndex = str.indexOf(")", pipeIndex);
            if (closeParenIndex > pipeIndex) {
              backSlashIndex = str.indexOf("\\", pipeIndex);
              if (backSlashIndex === -1 || backSlashIndex > closeParenIndex) {
                return true;
              }
            }
          }
        }
        if (str[index] === "\\") {
          var open = str[index + 1];
          index += 2;
          var close = chars[open];
          if (close) {
            var n = str.indexOf(close, index);
            if (n !== -1) {
              index = n + 1;
            }
          }
          if (str[index] === "!") {
            return true;
          }
        } else {
          index++;
        }
      }
      return false;
    };
    var relaxedCheck = function(str) {
      if (str[0] === "!") {
        return true;
      }
      var index = 0;
      while (index < str.length) {
        if (/[*?{}()[\]]/.test(str[index])) {
          return true;
        }
        if (str[index] === "\\") {
          var open = str[index + 1];
          index += 2;
          var close = chars[open];
          if (close) {
            var n = str.indexOf(close, index);
            if (n !== -1) {
              index = n + 1;
            }
          }
          if (str[index] === "!") {
            return true;
          }
        } else {
          index++;
        }
      }
      return false;
    };
    module.exports = function isGlob(str, options) {
      if (typeof str !== "string" || str === "") {
        return false;
      }
      if (isExtglob(str)) {
        return true;
      }
      var check = strictCheck;
      if (options && options.strict === false) {
        check = relaxedCheck;
      }
      return check(str);
    };
  }
});

// node_modules/glob-parent/index.js
var require_glob_parent = __commonJS({
  "node_modules/glob-parent/index.js"(exports, module) {
    "use strict";
    var isGlob = require_is_glob();
    var pathPosixDirname = __require("path").posix.dirname;
    var isWin32 = __require("os").platform() === "win32";
    var slash = "/";
    var backslash = /\\/g;
    var enclosure = /[\{\[].*[\}\]]$/;
    var globby = /(^|[^\\])([\{\[]|\([^\)]+$)/;
    var escaped = /\\([\!\*\?\|\[\]\(\)\{\}])/g;
    module.exports = function globParent(str, opts) {
      var options = Object.assign({ flipBackslashes: true }, opts);
      if (options.flipBackslashes && isWin32 && str.indexOf(slash) < 0) {
        str = str.replace(backslash, slash);
      }
      if (enclosure.test(str)) {
        str += slash;
      }
      str += "a";
      do {
        str = pathPosixDirname(str);
      } while (isGlob(str) || globby.test(str));
      return str.replace(escaped, "$1");
    };
  }
});

// node_modules/braces/lib/utils.js
var require_utils2 = __commonJS({
  "node_modules/braces/lib/utils.js"(exports) {
    "use strict";
    exports.isInteger = (num) => {
      if (typeof num === "number") {
        return Number.isInteger(num);
      }
      if (typeof num === "string" && num.trim() !== "") {
        return Number.isInteger(Number(num));
      }
      return false;
    };
    exports.find = (node, type) => node.nodes.find((node2) => node2.type === type);
    exports.exceedsLimit = (min, max, step = 1, limit) => {
      if (limit === false) return false;
      if (!exports.isInteger(min) || !exports.isInteger(max)) return false;
      return (Number(max) - Number(min)) / Number(step) >= limit;
    };
    exports.escapeNode = (block, n = 0, type) => {
      const node = block.nodes[n];
      if (!node) return;
      if (type && node.type === type || node.type === "open" || node.type === "close") {
        if (node.escaped !== true) {
          node.value = "\\" + node.value;
          node.escaped = true;
        }
      }
    };
    exports.encloseBrace = (node) => {
      if (node.type !== "brace") return false;
      if (node.commas >> 0 + node.ranges >> 0 === 0) {
        node.invalid = true;
        return true;
      }
      return false;
    };
    exports.isInvalidBrace = (block) => {
      if (block.type !== "brace") return false;
      if (block.invalid === true || block.dollar) return true;
      if (block.commas >> 0 + block.ranges >> 0 === 0) {
        block.invalid = true;
        return true;
      }
      if (block.open !== true || block.close !== true) {
        block.invalid = true;
        return true;
      }
      return false;
    };
    exports.isOpenOrClose = (node) => {
      if (node.type === "open" || node.type === "close") {
        return true;
      }
      return node.open === true || node.close === true;
    };
    exports.reduce = (nodes) => nodes.reduce((acc, node) => {
      if (node.type === "text") acc.push(node.value);
      if (node.type === "range") node.type = "text";
      return acc;
    }, []);
    exports.flatten = (...args) => {
      const result = [];
      const flat = (arr) => {
        for (let i = 0; i < arr.length; i++) {
          const ele = arr[i];
          if (Array.isArray(ele)) {
            flat(ele);
            continue;
          }
          if (ele !== void 0) {
            result.push(ele);
          }
        }
        return result;
      };
      flat(args);
      return result;
    };
  }
});

// node_modules/braces/lib/stringify.js
var require_stringify = __commonJS({
  "node_modules/braces/lib/stringify.js"(exports, module) {
    "use strict";
    var utils = require_utils2();
    module.exports = (ast, options = {}) => {
      const stringify = (node, parent = {}) => {
        const invalidBlock = options.escapeInvalid && utils.isInvalidBrace(parent);
        const invalidNode = node.invalid === true && options.escapeInvalid === true;
        let output = "";
        if (node.value) {
          if ((invalidBlock || invalidNode) && utils.isOpenOrClose(node)) {
            return "\\" + node.value;
          }
          return node.value;
        }
        if (node.value) {
          return node.value;
        }
        if (node.nodes) {
          for (const child of node.nodes) {
            output += stringify(child);
          }
        }
        return output;
      };
      return stringify(ast);
    };
  }
});

// node_modules/is-number/index.js
var require_is_number = __commonJS({
  "node_modules/is-number/index.js"(exports, module) {
    "use strict";
    module.exports = function(num) {
      if (typeof num === "number") {
        return num - num === 0;
      }
      if (typeof num === "string" && num.trim() !== "") {
        return Number.isFinite ? Number.isFinite(+num) : isFinite(+num);
      }
      return false;
    };
  }
});

// node_modules/to-regex-range/index.js
var require_to_regex_range = __commonJS({
  "node_modules/to-regex-range/index.js"(exports, module) {
    "use strict";
    var isNumber = require_is_number();
    var toRegexRange = (min, max, options) => {
      if (isNumber(min) === false) {
        throw new TypeError("toRegexRange: expected the first argument to be a number");
      }
      if (max === void 0 || min === max) {
        return String(min);
      }
      if (isNumber(max) === false) {
        throw new TypeError("toRegexRange: expected the second argument to be a number.");
      }
      let opts = { relaxZeros: true, ...options };
      if (typeof opts.strictZeros === "boolean") {
        opts.relaxZeros = opts.strictZeros === false;
      }
      let relax = String(opts.relaxZeros);
      let shorthand = String(opts.shorthand);
      let capture = String(opts.capture);
      let wrap = String(opts.wrap);
      let cacheKey = min + ":" + max + "=" + relax + shorthand + capture + wrap;
      if (toRegexRange.cache.hasOwnProperty(cacheKey)) {
        return toRegexRange.cache[cacheKey].result;
      }
      let a = Math.min(min, max);
      let b = Math.max(min, max);
      if (Math.abs(a - b) === 1) {
        let result = min + "|" + max;
        if (opts.capture) {
          return `(${result})`;
        }
        if (opts.wrap === false) {
          return result;
        }
        return `(?:${result})`;
      }
      let isPadded = hasPadding(min) || hasPadding(max);
      let state = { min, max, a, b };
      let positives = [];
      let negatives = [];
      if (isPadded) {
        state.isPadded = isPadded;
        state.maxLen = String(state.max).length;
      }
      if (a < 0) {
        let newMin = b < 0 ? Math.abs(b) : 1;
        negatives = splitToPatterns(newMin, Math.abs(a), state, opts);
        a = state.a = 0;
      }
      if (b >= 0) {
        positives = splitToPatterns(a, b, state, opts);
      }
      state.negatives = negatives;
      state.positives = positives;
      state.result = collatePatterns(negatives, positives, opts);
      if (opts.capture === true) {
        state.result = `(${state.result})`;
      } else if (opts.wrap !== false && positives.length + negatives.length > 1) {
        state.result = `(?:${state.result})`;
      }
      toRegexRange.cache[cacheKey] = state;
      return state.result;
    };
    function collatePatterns(neg, pos, options) {
      let onlyNegative = filterPatterns(neg, pos, "-", false, options) || [];
      let onlyPositive = filterPatterns(pos, neg, "", false, options) || [];
      let intersected = filterPatterns(neg, pos, "-?", true, options) || [];
      let subpatterns = onlyNegative.concat(intersected).concat(onlyPositive);
      return subpatterns.join("|");
    }
    function splitToRanges(min, max) {
      let nines = 1;
      let zeros = 1;
      let stop = countNines(min, nines);
      let stops = /* @__PURE__ */ new Set([max]);
      while (min <= stop && stop <= max) {
        stops.add(stop);
        nines += 1;
        stop = countNines(min, nines);
      }
      stop = countZeros(max + 1, zeros) - 1;
      while (min < stop && stop <= max) {
        stops.add(stop);
        zeros += 1;
        stop = countZeros(max + 1, zeros) - 1;
      }
      stops = [...stops];
      stops.sort(compare2);
      return stops;
    }
    function rangeToPattern(start, stop, options) {
      if (start === stop) {
        return { pattern: start, count: [], digits: 0 };
      }
      let zipped = zip(start, stop);
      let digits = zipped.length;
      let pattern = "";
      let count = 0;
      for (let i = 0; i < digits; i++) {
        let [startDigit, stopDigit] = zipped[i];
        if (startDigit === stopDigit) {
          pattern += startDigit;
        } else if (startDigit !== "0" || stopDigit !== "9") {
          pattern += toCharacterClass(startDigit, stopDigit, options);
        } else {
          count++;
        }
      }
      if (count) {
        pattern += options.shorthand === true ? "\\d" : "[0-9]";
      }
      return { pattern, count: [count], digits };
    }
    function splitToPatterns(min, max, tok, options) {
      let ranges = splitToRanges(min, max);
      let tokens = [];
      let start = min;
      let prev;
      for (let i = 0; i < ranges.length; i++) {
        let max2 = ranges[i];
        let obj = rangeToPattern(String(start), String(max2), options);
        let zeros = "";
        if (!tok.isPadded && prev && prev.pattern === obj.pattern) {
          if (prev.count.length > 1) {
            prev.count.pop();
          }
          prev.count.push(obj.count[0]);
          prev.string = prev.pattern + toQuantifier(prev.count);
          start = max2 + 1;
          continue;
        }
        if (tok.isPadded) {
          zeros = padZeros(max2, tok, options);
        }
        obj.string = zeros + obj.pattern + toQuantifier(obj.count);
        tokens.push(obj);
        start = max2 + 1;
        prev = obj;
      }
      return tokens;
    }
    function filterPatterns(arr, comparison, prefix, intersection, options) {
      let result = [];
      for (let ele of arr) {
        let { string } = ele;
        if (!intersection && !contains(comparison, "string", string)) {
          result.push(prefix + string);
        }
        if (intersection && contains(comparison, "string", string)) {
          result.push(prefix + string);
        }
      }
      return result;
    }
    function zip(a, b) {
      let arr = [];
      for (let i = 0; i < a.length; i++) arr.push([a[i], b[i]]);
      return arr;
    }
    function compare2(a, b) {
      return a > b ? 1 : b > a ? -1 : 0;
    }
    function contains(arr, key, val) {
      return arr.some((ele) => ele[key] === val);
    }
    function countNines(min, len) {
      return Number(String(min).slice(0, -len) + "9".repeat(len));
    }
    function countZeros(integer, zeros) {
      return integer - integer % Math.pow(10, zeros);
    }
    function toQuantifier(digits) {
      let [start = 0, stop = ""] = digits;
      if (stop || start > 1) {
        return `{${start + (stop ? "," + stop : "")}}`;
      }
      return "";
    }
    function toCharacterClass(a, b, options) {
      return `[${a}${b - a === 1 ? "" : "-"}${b}]`;
    }
    function hasPadding(str) {
      return /^-?(0+)\d/.test(str);
    }
    function padZeros(value, tok, options) {
      if (!tok.isPadded) {
        return value;
      }
      let diff = Math.abs(tok.maxLen - String(value).length);
      let relax = options.relaxZeros !== false;
      switch (diff) {
        case 0:
          return "";
        case 1:
          return relax ? "0?" : "0";
        case 2:
          return relax ? "0{0,2}" : "00";
        default: {
          return relax ? `0{0,${diff}}` : `0{${diff}}`;
        }
      }
    }
    toRegexRange.cache = {};
    toRegexRange.clearCache = () => toRegexRange.cache = {};
    module.exports = toRegexRange;
  }
});

// node_modules/fill-range/index.js
var require_fill_range = __commonJS({
  "node_modules/fill-range/index.js"(exports, module) {
    "use strict";
    var util = __require("util");
    var toRegexRange = require_to_regex_range();
    var isObject = (val) => val !== null && typeof val === "object" && !Array.isArray(val);
    var transform = (toNumber) => {
      return (value) => toNumber === true ? Number(value) : String(value);
    };
    var isValidValue = (value) => {
      return typeof value === "number" || typeof value === "string" && value !== "";
    };
    var isNumber = (num) => Number.isInteger(+num);
    var zeros = (input2) => {
      let value = `${input2}`;
      let index = -1;
      if (value[0] === "-") value = value.slice(1);
      if (value === "0") return false;
      while (value[++index] === "0") ;
      return index > 0;
    };
    var stringify = (start, end, options) => {
      if (typeof start === "string" || typeof end === "string") {
        return true;
      }
      return options.stringify === true;
    };
    var pad = (input2, maxLength, toNumber) => {
      if (maxLength > 0) {
        let dash = input2[0] === "-" ? "-" : "";
        if (dash) input2 = input2.slice(1);
        input2 = dash + input2.padStart(dash ? maxLength - 1 : maxLength, "0");
      }
      if (toNumber === false) {
        return String(input2);
      }
      return input2;
    };
    var toMaxLen = (input2, maxLength) => {
      let negative = input2[0] === "-" ? "-" : "";
      if (negative) {
        input2 = input2.slice(1);
        maxLength--;
      }
      while (input2.length < maxLength) input2 = "0" + input2;
      return negative ? "-" + input2 : input2;
    };
    var toSequence = (parts, options, maxLen) => {
      parts.negatives.sort((a, b) => a < b ? -1 : a > b ? 1 : 0);
      parts.positives.sort((a, b) => a < b ? -1 : a > b ? 1 : 0);
      let prefix = options.capture ? "" : "?:";
      let positives = "";
      let negatives = "";
      let result;
      if (parts.positives.length) {
        positives = parts.positives.map((v) => toMaxLen(String(v), maxLen)).join("|");
      }
      if (parts.negatives.length) {
        negatives = `-(${prefix}${parts.negatives.map((v) => toMaxLen(String(v), maxLen)).join("|")})`;
      }
      if (positives && negatives) {
        result = `${positives}|${negatives}`;
      } else {
        result = positives || negatives;
      }
      if (options.wrap) {
        return `(${prefix}${result})`;
      }
      return result;
    };
    var toRange = (a, b, isNumbers, options) => {
      if (isNumbers) {
        return toRegexRange(a, b, { wrap: false, ...options });
      }
      let start = String.fromCharCode(a);
      if (a === b) return start;
      let stop = String.fromCharCode(b);
      return `[${start}-${stop}]`;
    };
    var toRegex = (start, end, options) => {
      if (Array.isArray(start)) {
        let wrap = options.wrap === true;
        let prefix = options.capture ? "" : "?:";
        return wrap ? `(${prefix}${start.join("|")})` : start.join("|");
      }
      return toRegexRange(start, end, options);
    };
    var rangeError = (...args) => {
      return new RangeError("Invalid range arguments: " + util.inspect(...args));
    };
    var invalidRange = (start, end, options) => {
      if (options.strictRanges === true) throw rangeError([start, end]);
      return [];
    };
    var invalidStep = (step, options) => {
      if (options.strictRanges === true) {
        throw new TypeError(`Expected step "${step}" to be a number`);
      }
      return [];
    };
    var fillNumbers = (start, end, step = 1, options = {}) => {
      let a = Number(start);
      let b = Number(end);
      if (!Number.isInteger(a) || !Number.isInteger(b)) {
        if (options.strictRanges === true) throw rangeError([start, end]);
        return [];
      }
      if (a === 0) a = 0;
      if (b === 0) b = 0;
      let descending = a > b;
      let startString = String(start);
      let endString = String(end);
      let stepString = String(step);
      step = Math.max(Math.abs(step), 1);
      let padded = zeros(startString) || zeros(endString) || zeros(stepString);
      let maxLen = padded ? Math.max(startString.length, endString.length, stepString.length) : 0;
      let toNumber = padded === false && stringify(start, end, options) === false;
      let format = options.transform || transform(toNumber);
      if (options.toRegex && step === 1) {
        return toRange(toMaxLen(start, maxLen), toMaxLen(end, maxLen), true, options);
      }
      let parts = { negatives: [], positives: [] };
      let push = (num) => parts[num < 0 ? "negatives" : "positives"].push(Math.abs(num));
      let range = [];
      let index = 0;
      while (descending ? a >= b : a <= b) {
        if (options.toRegex === true && step > 1) {
          push(a);
        } else {
          range.push(pad(format(a, index), maxLen, toNumber));
        }
        a = descending ? a - step : a + step;
        index++;
      }
      if (options.toRegex === true) {
        return step > 1 ? toSequence(parts, options, maxLen) : toRegex(range, null, { wrap: false, ...options });
      }
      return range;
    };
    var fillLetters = (start, end, step = 1, options = {}) => {
      if (!isNumber(start) && start.length > 1 || !isNumber(end) && end.length > 1) {
        return invalidRange(start, end, options);
      }
      let format = options.transform || ((val) => String.fromCharCode(val));
      let a = `${start}`.charCodeAt(0);
      let b = `${end}`.charCodeAt(0);
      let descending = a > b;
      let min = Math.min(a, b);
      let max = Math.max(a, b);
      if (options.toRegex && step === 1) {
        return toRange(min, max, false, options);
      }
      let range = [];
      let index = 0;
      while (descending ? a >= b : a <= b) {
        range.push(format(a, index));
        a = descending ? a - step : a + step;
        index++;
      }
      if (options.toRegex === true) {
        return toRegex(range, null, { wrap: false, options });
      }
      return range;
    };
    var fill = (start, end, step, options = {}) => {
      if (end == null && isValidValue(start)) {
        return [start];
      }
      if (!isValidValue(start) || !isValidValue(end)) {
        return invalidRange(start, end, options);
      }
      if (typeof step === "function") {
        return fill(start, end, 1, { transform: step });
      }
      if (isObject(step)) {
        return fill(start, end, 0, step);
      }
      let opts = { ...options };
      if (opts.capture === true) opts.wrap = true;
      step = step || opts.step || 1;
      if (!isNumber(step)) {
        if (step != null && !isObject(step)) return invalidStep(step, opts);
        return fill(start, end, 1, step);
      }
      if (isNumber(start) && isNumber(end)) {
        return fillNumbers(start, end, step, opts);
      }
      return fillLetters(start, end, Math.max(Math.abs(step), 1), opts);
    };
    module.exports = fill;
  }
});

// node_modules/braces/lib/compile.js
var require_compile = __commonJS({
  "node_modules/braces/lib/compile.js"(exports, module) {
    "use strict";
    var fill = require_fill_range();
    var utils = require_utils2();
    var compile = (ast, options = {}) => {
      const walk = (node, parent = {}) => {
        const invalidBlock = utils.isInvalidBrace(parent);
        const invalidNode = node.invalid === true && options.escapeInvalid === true;
        const invalid = invalidBlock === true || invalidNode === true;
        const prefix = options.escapeInvalid === true ? "\\" : "";
        let output = "";
        if (node.isOpen === true) {
          return prefix + node.value;
        }
        if (node.isClose === true) {
          console.log("node.isClose", prefix, node.value);
          return prefix + node.value;
        }
        if (node.type === "open") {
          return invalid ? prefix + node.value : "(";
        }
        if (node.type === "close") {
          return invalid ? prefix + node.value : ")";
        }
        if (node.type === "comma") {
          return node.prev.type === "comma" ? "" : invalid ? node.value : "|";
        }
        if (node.value) {
          return node.value;
        }
        if (node.nodes && node.ranges > 0) {
          const args = utils.reduce(node.nodes);
          const range = fill(...args, { ...options, wrap: false, toRegex: true, strictZeros: true });
          if (range.length !== 0) {
            return args.length > 1 && range.length > 1 ? `(${range})` : range;
          }
        }
        if (node.nodes) {
          for (const child of node.nodes) {
            output += walk(child, node);
          }
        }
        return output;
      };
      return walk(ast);
    };
    module.exports = compile;
  }
});

// node_modules/braces/lib/expand.js
var require_expand = __commonJS({
  "node_modules/braces/lib/expand.js"(exports, module) {
    "use strict";
    var fill = require_fill_range();
    var stringify = require_stringify();
    var utils = require_utils2();
    var append = (queue = "", stash = "", enclose = false) => {
      const result = [];
      queue = [].concat(queue);
      stash = [].concat(stash);
      if (!stash.length) return queue;
      if (!queue.length) {
        return enclose ? utils.flatten(stash).map((ele) => `{${ele}}`) : stash;
      }
      for (const item of queue) {
        if (Array.isArray(item)) {
          for (const value of item) {
            result.push(append(value, stash, enclose));
          }
        } else {
          for (let ele of stash) {
            if (enclose === true && typeof ele === "string") ele = `{${ele}}`;
            result.push(Array.isArray(ele) ? append(item, ele, enclose) : item + ele);
          }
        }
      }
      return utils.flatten(result);
    };
    var expand = (ast, options = {}) => {
      const rangeLimit = options.rangeLimit === void 0 ? 1e3 : options.rangeLimit;
      const walk = (node, parent = {}) => {
        node.queue = [];
        let p = parent;
        let q = parent.queue;
        while (p.type !== "brace" && p.type !== "root" && p.parent) {
          p = p.parent;
          q = p.queue;
        }
        if (node.invalid || node.dollar) {
          q.push(append(q.pop(), stringify(node, options)));
          return;
        }
        if (node.type === "brace" && node.invalid !== true && node.nodes.length === 2) {
          q.push(append(q.pop(), ["{}"]));
          return;
        }
        if (node.nodes && node.ranges > 0) {
          const args = utils.reduce(node.nodes);
          if (utils.exceedsLimit(...args, options.step, rangeLimit)) {
            throw new RangeError("expanded array length exceeds range limit. Use options.rangeLimit to increase or disable the limit.");
          }
          let range = fill(...args, options);
          if (range.length === 0) {
            range = stringify(node, options);
          }
          q.push(append(q.pop(), range));
          node.nodes = [];
          return;
        }
        const enclose = utils.encloseBrace(node);
        let queue = node.queue;
        let block = node;
        while (block.type !== "brace" && block.type !== "root" && block.parent) {
          block = block.parent;
          queue = block.queue;
        }
        for (let i = 0; i < node.nodes.length; i++) {
          const child = node.nodes[i];
          if (child.type === "comma" && node.type === "brace") {
            if (i === 1) queue.push("");
            queue.push("");
            continue;
          }
          if (child.type === "close") {
            q.push(append(q.pop(), queue, enclose));
            continue;
          }
          if (child.value && child.type !== "open") {
            queue.push(append(queue.pop(), child.value));
            continue;
          }
          if (child.nodes) {
            walk(child, node);
          }
        }
        return queue;
      };
      return utils.flatten(walk(ast));
    };
    module.exports = expand;
  }
});

// node_modules/braces/lib/constants.js
var require_constants = __commonJS({
  "node_modules/braces/lib/constants.js"(exports, module) {
    "use strict";
    module.exports = {
      MAX_LENGTH: 1e4,
      // Digits
      CHAR_0: "0",
      /* 0 */
      CHAR_9: "9",
      /* 9 */
      // Alphabet chars.
      CHAR_UPPERCASE_A: "A",
      /* A */
      CHAR_LOWERCASE_A: "a",
      /* a */
      CHAR_UPPERCASE_Z: "Z",
      /* Z */
      CHAR_LOWERCASE_Z: "z",
      /* z */
      CHAR_LEFT_PARENTHESES: "(",
      /* ( */
      CHAR_RIGHT_PARENTHESES: ")",
      /* ) */
      CHAR_ASTERISK: "*",
      /* * */
      // Non-alphabetic chars.
      CHAR_AMPERSAND: "&",
      /* & */
      CHAR_AT: "@",
      /* @ */
      CHAR_BACKSLASH: "\\",
      /* \ */
      CHAR_BACKTICK: "`",
      /* ` */
      CHAR_CARRIAGE_RETURN: "\r",
      /* \r */
      CHAR_CIRCUMFLEX_ACCENT: "^",
      /* ^ */
      CHAR_COLON: ":",
      /* : */
      CHAR_COMMA: ",",
      /* , */
      CHAR_DOLLAR: "$",
      /* . */
      CHAR_DOT: ".",
      /* . */
      CHAR_DOUBLE_QUOTE: '"',
      /* " */
      CHAR_EQUAL: "=",
      /* = */
      CHAR_EXCLAMATION_MARK: "!",
      /* ! */
      CHAR_FORM_FEED: "\f",
      /* \f */
      CHAR_FORWARD_SLASH: "/",
      /* / */
      CHAR_HASH: "#",
      /* # */
      CHAR_HYPHEN_MINUS: "-",
      /* - */
      CHAR_LEFT_ANGLE_BRACKET: "<",
      /* < */
      CHAR_LEFT_CURLY_BRACE: "{",
      /* { */
      CHAR_LEFT_SQUARE_BRACKET: "[",
      /* [ */
      CHAR_LINE_FEED: "\n",
      /* \n */
      CHAR_NO_BREAK_SPACE: " ",
      /* \u00A0 */
      CHAR_PERCENT: "%",
      /* % */
      CHAR_PLUS: "+",
      /* + */
      CHAR_QUESTION_MARK: "?",
      /* ? */
      CHAR_RIGHT_ANGLE_BRACKET: ">",
      /* > */
      CHAR_RIGHT_CURLY_BRACE: "}",
      /* } */
      CHAR_RIGHT_SQUARE_BRACKET: "]",
      /* ] */
      CHAR_SEMICOLON: ";",
      /* ; */
      CHAR_SINGLE_QUOTE: "'",
      /* ' */
      CHAR_SPACE: " ",
      /*   */
      CHAR_TAB: "	",
      /* \t */
      CHAR_UNDERSCORE: "_",
      /* _ */
      CHAR_VERTICAL_LINE: "|",
      /* | */
      CHAR_ZERO_WIDTH_NOBREAK_SPACE: "\uFEFF"
      /* \uFEFF */
    };
  }
});

// node_modules/braces/lib/parse.js
var require_parse = __commonJS({
  "node_modules/braces/lib/parse.js"(exports, module) {
    "use strict";
    var stringify = require_stringify();
    var {
      MAX_LENGTH,
      CHAR_BACKSLASH,
      /* \ */
      CHAR_BACKTICK,
      /* ` */
      CHAR_COMMA,
      /* , */
      CHAR_DOT,
      /* . */
      CHAR_LEFT_PARENTHESES,
      /* ( */
      CHAR_RIGHT_PARENTHESES,
      /* ) */
      CHAR_LEFT_CURLY_BRACE,
      /* { */
      CHAR_RIGHT_CURLY_BRACE,
      /* } */
      CHAR_LEFT_SQUARE_BRACKET,
      /* [ */
      CHAR_RIGHT_SQUARE_BRACKET,
      /* ] */
      CHAR_DOUBLE_QUOTE,
      /* " */
      CHAR_SINGLE_QUOTE,
      /* ' */
      CHAR_NO_BREAK_SPACE,
      CHAR_ZERO_WIDTH_NOBREAK_SPACE
    } = require_constants();
    var parse = (input2, options = {}) => {
      if (typeof input2 !== "string") {
        throw new TypeError("Expected a string");
      }
      const opts = options || {};
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      if (input2.length > max) {
        throw new SyntaxError(`Input length (${input2.length}), exceeds max characters (${max})`);
      }
      const ast = { type: "root", input: input2, nodes: [] };
      const stack = [ast];
      let block = ast;
      let prev = ast;
      let brackets = 0;
      const length = input2.length;
      let index = 0;
      let depth = 0;
      let value;
      const advance = () => input2[index++];
      const push = (node) => {
        if (node.type === "text" && prev.type === "dot") {
          prev.type = "text";
        }
        if (prev && prev.type === "text" && node.type === "text") {
          prev.value += node.value;
          return;
        }
        block.nodes.push(node);
        node.parent = block;
        node.prev = prev;
        prev = node;
        return node;
      };
      push({ type: "bos" });
      while (index < length) {
        block = stack[stack.length - 1];
        value = advance();
        if (value === CHAR_ZERO_WIDTH_NOBREAK_SPACE || value === CHAR_NO_BREAK_SPACE) {
          continue;
        }
        if (value === CHAR_BACKSLASH) {
          push({ type: "text", value: (options.keepEscaping ? value : "") + advance() });
          continue;
        }
        if (value === CHAR_RIGHT_SQUARE_BRACKET) {
          push({ type: "text", value: "\\" + value });
          continue;
        }
        if (value === CHAR_LEFT_SQUARE_BRACKET) {
          brackets++;
          let next;
          while (index < length && (next = advance())) {
            value += next;
            if (next === CHAR_LEFT_SQUARE_BRACKET) {
              brackets++;
              continue;
            }
            if (next === CHAR_BACKSLASH) {
              value += advance();
              continue;
            }
            if (next === CHAR_RIGHT_SQUARE_BRACKET) {
              brackets--;
              if (brackets === 0) {
                break;
              }
            }
          }
          push({ type: "text", value });
          continue;
        }
        if (value === CHAR_LEFT_PARENTHESES) {
          block = push({ type: "paren", nodes: [] });
          stack.push(block);
          push({ type: "text", value });
          continue;
        }
        if (value === CHAR_RIGHT_PARENTHESES) {
          if (block.type !== "paren") {
            push({ type: "text", value });
            continue;
          }
          block = stack.pop();
          push({ type: "text", value });
          block = stack[stack.length - 1];
          continue;
        }
        if (value === CHAR_DOUBLE_QUOTE || value === CHAR_SINGLE_QUOTE || value === CHAR_BACKTICK) {
          const open = value;
          let next;
          if (options.keepQuotes !== true) {
            value = "";
          }
          while (index < length && (next = advance())) {
            if (next === CHAR_BACKSLASH) {
              value += next + advance();
              continue;
            }
            if (next === open) {
              if (options.keepQuotes === true) value += next;
              break;
            }
            value += next;
          }
          push({ type: "text", value });
          continue;
        }
        if (value === CHAR_LEFT_CURLY_BRACE) {
          depth++;
          const dollar = prev.value && prev.value.slice(-1) === "$" || block.dollar === true;
          const brace = {
            type: "brace",
            open: true,
            close: false,
            dollar,
            depth,
            commas: 0,
            ranges: 0,
            nodes: []
          };
          block = push(brace);
          stack.push(block);
          push({ type: "open", value });
          continue;
        }
        if (value === CHAR_RIGHT_CURLY_BRACE) {
          if (block.type !== "brace") {
            push({ type: "text", value });
            continue;
          }
          const type = "close";
          block = stack.pop();
          block.close = true;
          push({ type, value });
          depth--;
          block = stack[stack.length - 1];
          continue;
        }
        if (value === CHAR_COMMA && depth > 0) {
          if (block.ranges > 0) {
            block.ranges = 0;
            const open = block.nodes.shift();
            block.nodes = [open, { type: "text", value: stringify(block) }];
          }
          push({ type: "comma", value });
          block.commas++;
          continue;
        }
        if (value === CHAR_DOT && depth > 0 && block.commas === 0) {
          const siblings = block.nodes;
          if (depth === 0 || siblings.length === 0) {
            push({ type: "text", value });
            continue;
          }
          if (prev.type === "dot") {
            block.range = [];
            prev.value += value;
            prev.type = "range";
            if (block.nodes.length !== 3 && block.nodes.length !== 5) {
              block.invalid = true;
              block.ranges = 0;
              prev.type = "text";
              continue;
            }
            block.ranges++;
            block.args = [];
            continue;
          }
          if (prev.type === "range") {
            siblings.pop();
            const before = siblings[siblings.length - 1];
            before.value += prev.value + value;
            prev = before;
            block.ranges--;
            continue;
          }
          push({ type: "dot", value });
          continue;
        }
        push({ type: "text", value });
      }
      do {
        block = stack.pop();
        if (block.type !== "root") {
          block.nodes.forEach((node) => {
            if (!node.nodes) {
              if (node.type === "open") node.isOpen = true;
              if (node.type === "close") node.isClose = true;
              if (!node.nodes) node.type = "text";
              node.invalid = true;
            }
          });
          const parent = stack[stack.length - 1];
          const index2 = parent.nodes.indexOf(block);
          parent.nodes.splice(index2, 1, ...block.nodes);
        }
      } while (stack.length > 0);
      push({ type: "eos" });
      return ast;
    };
    module.exports = parse;
  }
});

// node_modules/braces/index.js
var require_braces = __commonJS({
  "node_modules/braces/index.js"(exports, module) {
    "use strict";
    var stringify = require_stringify();
    var compile = require_compile();
    var expand = require_expand();
    var parse = require_parse();
    var braces = (input2, options = {}) => {
      let output = [];
      if (Array.isArray(input2)) {
        for (const pattern of input2) {
          const result = braces.create(pattern, options);
          if (Array.isArray(result)) {
            output.push(...result);
          } else {
            output.push(result);
          }
        }
      } else {
        output = [].concat(braces.create(input2, options));
      }
      if (options && options.expand === true && options.nodupes === true) {
        output = [...new Set(output)];
      }
      return output;
    };
    braces.parse = (input2, options = {}) => parse(input2, options);
    braces.stringify = (input2, options = {}) => {
      if (typeof input2 === "string") {
        return stringify(braces.parse(input2, options), options);
      }
      return stringify(input2, options);
    };
    braces.compile = (input2, options = {}) => {
      if (typeof input2 === "string") {
        input2 = braces.parse(input2, options);
      }
      return compile(input2, options);
    };
    braces.expand = (input2, options = {}) => {
      if (typeof input2 === "string") {
        input2 = braces.parse(input2, options);
      }
      let result = expand(input2, options);
      if (options.noempty === true) {
        result = result.filter(Boolean);
      }
      if (options.nodupes === true) {
        result = [...new Set(result)];
      }
      return result;
    };
    braces.create = (input2, options = {}) => {
      if (input2 === "" || input2.length < 3) {
        return [input2];
      }
      return options.expand !== true ? braces.compile(input2, options) : braces.expand(input2, options);
    };
    module.exports = braces;
  }
});

// node_modules/micromatch/index.js
var require_micromatch = __commonJS({
  "node_modules/micromatch/index.js"(exports, module) {
    "use strict";
    var util = __require("util");
    var braces = require_braces();
    var picomatch = require_picomatch();
    var utils = require_utils();
    var isEmptyString = (v) => v === "" || v === "./";
    var hasBraces = (v) => {
      const index = v.indexOf("{");
      return index > -1 && v.indexOf("}", index) > -1;
    };
    var micromatch = (list, patterns, options) => {
      patterns = [].concat(patterns);
      list = [].concat(list);
      let omit = /* @__PURE__ */ new Set();
      let keep = /* @__PURE__ */ new Set();
      let items = /* @__PURE__ */ new Set();
      let negatives = 0;
      let onResult = (state) => {
        items.add(state.output);
        if (options && options.onResult) {
          options.onResult(state);
        }
      };
      for (let i = 0; i < patterns.length; i++) {
        let isMatch = picomatch(String(patterns[i]), { ...options, onResult }, true);
        let negated = isMatch.state.negated || isMatch.state.negatedExtglob;
        if (negated) negatives++;
        for (let item of list) {
          let matched = isMatch(item, true);
          let match = negated ? !matched.isMatch : matched.isMatch;
          if (!match) continue;
          if (negated) {
            omit.add(matched.output);
          } else {
            omit.delete(matched.output);
            keep.add(matched.output);
          }
        }
      }
      let result = negatives === patterns.length ? [...items] : [...keep];
      let matches = result.filter((item) => !omit.has(item));
      if (options && matches.length === 0) {
        if (options.failglob === true) {
          throw new Error(`No matches found for "${patterns.join(", ")}"`);
        }
        if (options.nonull === true || options.nullglob === true) {
          return options.unescape ? patterns.map((p) => p.replace(/\\/g, "")) : patterns;
        }
      }
      return matches;
    };
    micromatch.match = micromatch;
    micromatch.matcher = (pattern, options) => picomatch(pattern, options);
    micromatch.isMatch = (str, patterns, options) => picomatch(patterns, options)(str);
    micromatch.any = micromatch.isMatch;
    micromatch.not = (list, patterns, options = {}) => {
      patterns = [].concat(patterns).map(String);
      let result = /* @__PURE__ */ new Set();
      let items = [];
      let onResult = (state) => {
        if (options.onResult) options.onResult(state);
        items.push(state.output);
      };
      let matches = new Set(micromatch(list, patterns, { ...options, onResult }));
      for (let item of items) {
        if (!matches.has(item)) {
          result.add(item);
        }
      }
      return [...result];
    };
    micromatch.contains = (str, pattern, options) => {
      if (typeof str !== "string") {
        throw new TypeError(`Expected a string: "${util.inspect(str)}"`);
      }
      if (Array.isArray(pattern)) {
        return pattern.some((p) => micromatch.contains(str, p, options));
      }
      if (typeof pattern === "string") {
        if (isEmptyString(str) || isEmptyString(pattern)) {
          return false;
        }
        if (str.includes(pattern) || str.startsWith("./") && str.slice(2).includes(pattern)) {
          return true;
        }
      }
      return micromatch.isMatch(str, pattern, { ...options, contains: true });
    };
    micromatch.matchKeys = (obj, patterns, options) => {
      if (!utils.isObject(obj)) {
        throw new TypeError("Expected the first argument to be an object");
      }
      let keys = micromatch(Object.keys(obj), patterns, options);
      let res = {};
      for (let key of keys) res[key] = obj[key];
      return res;
    };
    micromatch.some = (list, patterns, options) => {
      let items = [].concat(list);
      for (let pattern of [].concat(patterns)) {
        let isMatch = picomatch(String(pattern), options);
        if (items.some((item) => isMatch(item))) {
          return true;
        }
      }
      return false;
    };
    micromatch.every = (list, patterns, options) => {
      let items = [].concat(list);
      for (let pattern of [].concat(patterns)) {
        let isMatch = picomatch(String(pattern), options);
        if (!items.every((item) => isMatch(item))) {
          return false;
        }
      }
      return true;
    };
    micromatch.all = (str, patterns, options) => {
      if (typeof str !== "string") {
        throw new TypeError(`Expected a string: "${util.inspect(str)}"`);
      }
      return [].concat(patterns).every((p) => picomatch(p, options)(str));
    };
    micromatch.capture = (glob, input2, options) => {
      let posix = utils.isWindows(options);
      let regex = picomatch.makeRe(String(glob), { ...options, capture: true });
      let match = regex.exec(posix ? utils.toPosixSlashes(input2) : input2);
      if (match) {
        return match.slice(1).map((v) => v === void 0 ? "" : v);
      }
    };
    micromatch.makeRe = (...args) => picomatch.makeRe(...args);
    micromatch.scan = (...args) => picomatch.scan(...args);
    micromatch.parse = (patterns, options) => {
      let res = [];
      for (let pattern of [].concat(patterns || [])) {
        for (let str of braces(String(pattern), options)) {
          res.push(picomatch.parse(str, options));
        }
      }
      return res;
    };
    micromatch.braces = (pattern, options) => {
      if (typeof pattern !== "string") throw new TypeError("Expected a string");
      if (options && options.nobrace === true || !hasBraces(pattern)) {
        return [pattern];
      }
      return braces(pattern, options);
    };
    micromatch.braceExpand = (pattern, options) => {
      if (typeof pattern !== "string") throw new TypeError("Expected a string");
      return micromatch.braces(pattern, { ...options, expand: true });
    };
    micromatch.hasBraces = hasBraces;
    module.exports = micromatch;
  }
});

// node_modules/fast-glob/out/utils/pattern.js
var require_pattern = __commonJS({
  "node_modules/fast-glob/out/utils/pattern.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.isAbsolute = exports.partitionAbsoluteAndRelative = exports.removeDuplicateSlashes = exports.matchAny = exports.convertPatternsToRe = exports.makeRe = exports.getPatternParts = exports.expandBraceExpansion = exports.expandPatternsWithBraceExpansion = exports.isAffectDepthOfReadingPattern = exports.endsWithSlashGlobStar = exports.hasGlobStar = exports.getBaseDirectory = exports.isPatternRelatedToParentDirectory = exports.getPatternsOutsideCurrentDirectory = exports.getPatternsInsideCurrentDirectory = exports.getPositivePatterns = exports.getNegativePatterns = exports.isPositivePattern = exports.isNegativePattern = exports.convertToNegativePattern = exports.convertToPositivePattern = exports.isDynamicPattern = exports.isStaticPattern = void 0;
    var path = __require("path");
    var globParent = require_glob_parent();
    var micromatch = require_micromatch();
    var GLOBSTAR = "**";
    var ESCAPE_SYMBOL = "\\";
    var COMMON_GLOB_SYMBOLS_RE = /[*?]|^!/;
    var REGEX_CHARACTER_CLASS_SYMBOLS_RE = /\[[^[]*]/;
    var REGEX_GROUP_SYMBOLS_RE = /(?:^|[^!*+?@])\([^(]*\|[^|]*\)/;
    var GLOB_EXTENSION_SYMBOLS_RE = /[!*+?@]\([^(]*\)/;
    var BRACE_EXPANSION_SEPARATORS_RE = /,|\.\./;
    var DOUBLE_SLASH_RE = /(?!^)\/{2,}/g;
    function isStaticPattern(pattern, options = {}) {
      return !isDynamicPattern(pattern, options);
    }
    exports.isStaticPattern = isStaticPattern;
    function isDynamicPattern(pattern, options = {}) {
      if (pattern === "") {
        return false;
      }
      if (options.caseSensitiveMatch === false || pattern.includes(ESCAPE_SYMBOL)) {
        return true;
      }
      if (COMMON_GLOB_SYMBOLS_RE.test(pattern) || REGEX_CHARACTER_CLASS_SYMBOLS_RE.test(pattern) || REGEX_GROUP_SYMBOLS_RE.test(pattern)) {
        return true;
      }
      if (options.extglob !== false && GLOB_EXTENSION_SYMBOLS_RE.test(pattern)) {
        return true;
      }
      if (options.braceExpansion !== false && hasBraceExpansion(pattern)) {
        return true;
      }
      return false;
    }
    exports.isDynamicPattern = isDynamicPattern;
    function hasBraceExpansion(pattern) {
      const openingBraceIndex = pattern.indexOf("{");
      if (openingBraceIndex === -1) {
        return false;
      }
      const closingBraceIndex = pattern.indexOf("}", openingBraceIndex + 1);
      if (closingBraceIndex === -1) {
        return false;
      }
      const braceContent = pattern.slice(openingBraceIndex, closingBraceIndex);
      return BRACE_EXPANSION_SEPARATORS_RE.test(braceContent);
    }
    function convertToPositivePattern(pattern) {
      return isNegativePattern(pattern) ? pattern.slice(1) : pattern;
    }
    exports.convertToPositivePattern = convertToPositivePattern;
    function convertToNegativePattern(pattern) {
      return "!" + pattern;
    }
    exports.convertToNegativePattern = convertToNegativePattern;
    function isNegativePattern(pattern) {
      return pattern.startsWith("!") && pattern[1] !== "(";
    }
    exports.isNegativePattern = isNegativePattern;
    function isPositivePattern(pattern) {
      return !isNegativePattern(pattern);
    }
    exports.isPositivePattern = isPositivePattern;
    function getNegativePatterns(patterns) {
      return patterns.filter(isNegativePattern);
    }
    exports.getNegativePatterns = getNegativePatterns;
    function getPositivePatterns(patterns) {
      return patterns.filter(isPositivePattern);
    }
    exports.getPositivePatterns = getPositivePatterns;
    function getPatternsInsideCurrentDirectory(patterns) {
      return patterns.filter((pattern) => !isPatternRelatedToParentDirectory(pattern));
    }
    exports.getPatternsInsideCurrentDirectory = getPatternsInsideCurrentDirectory;
    function getPatternsOutsideCurrentDirectory(patterns) {
      return patterns.filter(isPatternRelatedToParentDirectory);
    }
    exports.getPatternsOutsideCurrentDirectory = getPatternsOutsideCurrentDirectory;
    function isPatternRelatedToParentDirectory(pattern) {
      return pattern.startsWith("..") || pattern.startsWith("./..");
    }
    exports.isPatternRelatedToParentDirectory = isPatternRelatedToParentDirectory;
    function getBaseDirectory(pattern) {
      return globParent(pattern, { flipBackslashes: false });
    }
    exports.getBaseDirectory = getBaseDirectory;
    function hasGlobStar(pattern) {
      return pattern.includes(GLOBSTAR);
    }
    exports.hasGlobStar = hasGlobStar;
    function endsWithSlashGlobStar(pattern) {
      return pattern.endsWith("/" + GLOBSTAR);
    }
    exports.endsWithSlashGlobStar = endsWithSlashGlobStar;
    function isAffectDepthOfReadingPattern(pattern) {
      const basename = path.basename(pattern);
      return endsWithSlashGlobStar(pattern) || isStaticPattern(basename);
    }
    exports.isAffectDepthOfReadingPattern = isAffectDepthOfReadingPattern;
    function expandPatternsWithBraceExpansion(patterns) {
      return patterns.reduce((collection, pattern) => {
        return collection.concat(expandBraceExpansion(pattern));
      }, []);
    }
    exports.expandPatternsWithBraceExpansion = expandPatternsWithBraceExpansion;
    function expandBraceExpansion(pattern) {
      const patterns = micromatch.braces(pattern, { expand: true, nodupes: true, keepEscaping: true });
      patterns.sort((a, b) => a.length - b.length);
      return patterns.filter((pattern2) => pattern2 !== "");
    }
    exports.expandBraceExpansion = expandBraceExpansion;
    function getPatternParts(pattern, options) {
      let { parts } = micromatch.scan(pattern, Object.assign(Object.assign({}, options), { parts: true }));
      if (parts.length === 0) {
        parts = [pattern];
      }
      if (parts[0].startsWith("/")) {
        parts[0] = parts[0].slice(1);
        parts.unshift("");
      }
      return parts;
    }
    exports.getPatternParts = getPatternParts;
    function makeRe(pattern, options) {
      return micromatch.makeRe(pattern, options);
    }
    exports.makeRe = makeRe;
    function convertPatternsToRe(patterns, options) {
      return patterns.map((pattern) => makeRe(pattern, options));
    }
    exports.convertPatternsToRe = convertPatternsToRe;
    function matchAny(entry, patternsRe) {
      return patternsRe.some((patternRe) => patternRe.test(entry));
    }
    exports.matchAny = matchAny;
    function removeDuplicateSlashes(pattern) {
      return pattern.replace(DOUBLE_SLASH_RE, "/");
    }
    exports.removeDuplicateSlashes = removeDuplicateSlashes;
    function partitionAbsoluteAndRelative(patterns) {
      const absolute = [];
      const relative4 = [];
      for (const pattern of patterns) {
        if (isAbsolute3(pattern)) {
          absolute.push(pattern);
        } else {
          relative4.push(pattern);
        }
      }
      return [absolute, relative4];
    }
    exports.partitionAbsoluteAndRelative = partitionAbsoluteAndRelative;
    function isAbsolute3(pattern) {
      return path.isAbsolute(pattern);
    }
    exports.isAbsolute = isAbsolute3;
  }
});

// node_modules/merge2/index.js
var require_merge2 = __commonJS({
  "node_modules/merge2/index.js"(exports, module) {
    "use strict";
    var Stream = __require("stream");
    var PassThrough = Stream.PassThrough;
    var slice = Array.prototype.slice;
    module.exports = merge2;
    function merge2() {
      const streamsQueue = [];
      const args = slice.call(arguments);
      let merging = false;
      let options = args[args.length - 1];
      if (options && !Array.isArray(options) && options.pipe == null) {
        args.pop();
      } else {
        options = {};
      }
      const doEnd = options.end !== false;
      const doPipeError = options.pipeError === true;
      if (options.objectMode == null) {
        options.objectMode = true;
      }
      if (options.highWaterMark == null) {
        options.highWaterMark = 64 * 1024;
      }
      const mergedStream = PassThrough(options);
      function addStream() {
        for (let i = 0, len = arguments.length; i < len; i++) {
          streamsQueue.push(pauseStreams(arguments[i], options));
        }
        mergeStream();
        return this;
      }
      function mergeStream() {
        if (merging) {
          return;
        }
        merging = true;
        let streams = streamsQueue.shift();
        if (!streams) {
          process.nextTick(endStream);
          return;
        }
        if (!Array.isArray(streams)) {
          streams = [streams];
        }
        let pipesCount = streams.length + 1;
        function next() {
          if (--pipesCount > 0) {
            return;
          }
          merging = false;
          mergeStream();
        }
        function pipe(stream) {
          function onend() {
            stream.removeListener("merge2UnpipeEnd", onend);
            stream.removeListener("end", onend);
            if (doPipeError) {
              stream.removeListener("error", onerror);
            }
            next();
          }
          function onerror(err) {
            mergedStream.emit("error", err);
          }
          if (stream._readableState.endEmitted) {
            return next();
          }
          stream.on("merge2UnpipeEnd", onend);
          stream.on("end", onend);
          if (doPipeError) {
            stream.on("error", onerror);
          }
          stream.pipe(mergedStream, { end: false });
          stream.resume();
        }
        for (let i = 0; i < streams.length; i++) {
          pipe(streams[i]);
        }
        next();
      }
      function endStream() {
        merging = false;
        mergedStream.emit("queueDrain");
        if (doEnd) {
          mergedStream.end();
        }
      }
      mergedStream.setMaxListeners(0);
      mergedStream.add = addStream;
      mergedStream.on("unpipe", function(stream) {
        stream.emit("merge2UnpipeEnd");
      });
      if (args.length) {
        addStream.apply(null, args);
      }
      return mergedStream;
    }
    function pauseStreams(streams, options) {
      if (!Array.isArray(streams)) {
        if (!streams._readableState && streams.pipe) {
          streams = streams.pipe(PassThrough(options));
        }
        if (!streams._readableState || !streams.pause || !streams.pipe) {
          throw new Error("Only readable stream can be merged.");
        }
        streams.pause();
      } else {
        for (let i = 0, len = streams.length; i < len; i++) {
          streams[i] = pauseStreams(streams[i], options);
        }
      }
      return streams;
    }
  }
});

// node_modules/fast-glob/out/utils/stream.js
var require_stream = __commonJS({
  "node_modules/fast-glob/out/utils/stream.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.merge = void 0;
    var merge2 = require_merge2();
    function merge(streams) {
      const mergedStream = merge2(streams);
      streams.forEach((stream) => {
        stream.once("error", (error) => mergedStream.emit("error", error));
      });
      mergedStream.once("close", () => propagateCloseEventToSources(streams));
      mergedStream.once("end", () => propagateCloseEventToSources(streams));
      return mergedStream;
    }
    exports.merge = merge;
    function propagateCloseEventToSources(streams) {
      streams.forEach((stream) => stream.emit("close"));
    }
  }
});

// node_modules/fast-glob/out/utils/string.js
var require_string = __commonJS({
  "node_modules/fast-glob/out/utils/string.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.isEmpty = exports.isString = void 0;
    function isString(input2) {
      return typeof input2 === "string";
    }
    exports.isString = isString;
    function isEmpty(input2) {
      return input2 === "";
    }
    exports.isEmpty = isEmpty;
  }
});

// node_modules/fast-glob/out/utils/index.js
var require_utils3 = __commonJS({
  "node_modules/fast-glob/out/utils/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.string = exports.stream = exports.pattern = exports.path = exports.fs = exports.errno = exports.array = void 0;
    var array = require_array();
    exports.array = array;
    var errno = require_errno();
    exports.errno = errno;
    var fs = require_fs();
    exports.fs = fs;
    var path = require_path();
    exports.path = path;
    var pattern = require_pattern();
    exports.pattern = pattern;
    var stream = require_stream();
    exports.stream = stream;
    var string = require_string();
    exports.string = string;
  }
});

// node_modules/fast-glob/out/managers/tasks.js
var require_tasks = __commonJS({
  "node_modules/fast-glob/out/managers/tasks.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.convertPatternGroupToTask = exports.convertPatternGroupsToTasks = exports.groupPatternsByBaseDirectory = exports.getNegativePatternsAsPositive = exports.getPositivePatterns = exports.convertPatternsToTasks = exports.generate = void 0;
    var utils = require_utils3();
    function generate(input2, settings) {
      const patterns = processPatterns(input2, settings);
      const ignore3 = processPatterns(settings.ignore, settings);
      const positivePatterns = getPositivePatterns(patterns);
      const negativePatterns = getNegativePatternsAsPositive(patterns, ignore3);
      const staticPatterns = positivePatterns.filter((pattern) => utils.pattern.isStaticPattern(pattern, settings));
      const dynamicPatterns = positivePatterns.filter((pattern) => utils.pattern.isDynamicPattern(pattern, settings));
      const staticTasks = convertPatternsToTasks(
        staticPatterns,
        negativePatterns,
        /* dynamic */
        false
      );
      const dynamicTasks = convertPatternsToTasks(
        dynamicPatterns,
        negativePatterns,
        /* dynamic */
        true
      );
      return staticTasks.concat(dynamicTasks);
    }
    exports.generate = generate;
    function processPatterns(input2, settings) {
      let patterns = input2;
      if (settings.braceExpansion) {
        patterns = utils.pattern.expandPatternsWithBraceExpansion(patterns);
      }
      if (settings.baseNameMatch) {
        patterns = patterns.map((pattern) => pattern.includes("/") ? pattern : `**/${pattern}`);
      }
      return patterns.map((pattern) => utils.pattern.removeDuplicateSlashes(pattern));
    }
    function convertPatternsToTasks(positive, negative, dynamic) {
      const tasks = [];
      const patternsOutsideCurrentDirectory = utils.pattern.getPatternsOutsideCurrentDirectory(positive);
      const patternsInsideCurrentDirectory = utils.pattern.getPatternsInsideCurrentDirectory(positive);
      const outsideCurrentDirectoryGroup = groupPatternsByBaseDirectory(patternsOutsideCurrentDirectory);
      const insideCurrentDirectoryGroup = groupPatternsByBaseDirectory(patternsInsideCurrentDirectory);
      tasks.push(...convertPatternGroupsToTasks(outsideCurrentDirectoryGroup, negative, dynamic));
      if ("." in insideCurrentDirectoryGroup) {
        tasks.push(convertPatternGroupToTask(".", patternsInsideCurrentDirectory, negative, dynamic));
      } else {
        tasks.push(...convertPatternGroupsToTasks(insideCurrentDirectoryGroup, negative, dynamic));
      }
      return tasks;
    }
    exports.convertPatternsToTasks = convertPatternsToTasks;
    function getPositivePatterns(patterns) {
      return utils.pattern.getPositivePatterns(patterns);
    }
    exports.getPositivePatterns = getPositivePatterns;
    function getNegativePatternsAsPositive(patterns, ignore3) {
      const negative = utils.pattern.getNegativePatterns(patterns).concat(ignore3);
      const positive = negative.map(utils.pattern.convertToPositivePattern);
      return positive;
    }
    exports.getNegativePatternsAsPositive = getNegativePatternsAsPositive;
    function groupPatternsByBaseDirectory(patterns) {
      const group = {};
      return patterns.reduce((collection, pattern) => {
        const base = utils.pattern.getBaseDirectory(pattern);
        if (base in collection) {
          collection[base].push(pattern);
        } else {
          collection[base] = [pattern];
        }
        return collection;
      }, group);
    }
    exports.groupPatternsByBaseDirectory = groupPatternsByBaseDirectory;
    function convertPatternGroupsToTasks(positive, negative, dynamic) {
      return Object.keys(positive).map((base) => {
        return convertPatternGroupToTask(base, positive[base], negative, dynamic);
      });
    }
    exports.convertPatternGroupsToTasks = convertPatternGroupsToTasks;
    function convertPatternGroupToTask(base, positive, negative, dynamic) {
      return {
        dynamic,
        positive,
        negative,
        base,
        patterns: [].concat(positive, negative.map(utils.pattern.convertToNegativePattern))
      };
    }
    exports.convertPatternGroupToTask = convertPatternGroupToTask;
  }
});

// node_modules/@nodelib/fs.stat/out/providers/async.js
var require_async = __commonJS({
  "node_modules/@nodelib/fs.stat/out/providers/async.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.read = void 0;
    function read(path, settings, callback) {
      settings.fs.lstat(path, (lstatError, lstat) => {
        if (lstatError !== null) {
          callFailureCallback(callback, lstatError);
          return;
        }
        if (!lstat.isSymbolicLink() || !settings.followSymbolicLink) {
          callSuccessCallback(callback, lstat);
          return;
        }
        settings.fs.stat(path, (statError, stat) => {
          if (statError !== null) {
            if (settings.throwErrorOnBrokenSymbolicLink) {
              callFailureCallback(callback, statError);
              return;
            }
            callSuccessCallback(callback, lstat);
            return;
          }
          if (settings.markSymbolicLink) {
            stat.isSymbolicLink = () => true;
          }
          callSuccessCallback(callback, stat);
        });
      });
    }
    exports.read = read;
    function callFailureCallback(callback, error) {
      callback(error);
    }
    function callSuccessCallback(callback, result) {
      callback(null, result);
    }
  }
});

// node_modules/@nodelib/fs.stat/out/providers/sync.js
var require_sync = __commonJS({
  "node_modules/@nodelib/fs.stat/out/providers/sync.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.read = void 0;
    function read(path, settings) {
      const lstat = settings.fs.lstatSync(path);
      if (!lstat.isSymbolicLink() || !settings.followSymbolicLink) {
        return lstat;
      }
      try {
        const stat = settings.fs.statSync(path);
        if (settings.markSymbolicLink) {
          stat.isSymbolicLink = () => true;
        }
        return stat;
      } catch (error) {
        if (!settings.throwErrorOnBrokenSymbolicLink) {
          return lstat;
        }
        throw error;
      }
    }
    exports.read = read;
  }
});

// node_modules/@nodelib/fs.stat/out/adapters/fs.js
var require_fs2 = __commonJS({
  "node_modules/@nodelib/fs.stat/out/adapters/fs.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.createFileSystemAdapter = exports.FILE_SYSTEM_ADAPTER = void 0;
    var fs = __require("fs");
    exports.FILE_SYSTEM_ADAPTER = {
      lstat: fs.lstat,
      stat: fs.stat,
      lstatSync: fs.lstatSync,
      statSync: fs.statSync
    };
    function createFileSystemAdapter(fsMethods) {
      if (fsMethods === void 0) {
        return exports.FILE_SYSTEM_ADAPTER;
      }
      return Object.assign(Object.assign({}, exports.FILE_SYSTEM_ADAPTER), fsMethods);
    }
    exports.createFileSystemAdapter = createFileSystemAdapter;
  }
});

// node_modules/@nodelib/fs.stat/out/settings.js
var require_settings = __commonJS({
  "node_modules/@nodelib/fs.stat/out/settings.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var fs = require_fs2();
    var Settings = class {
      constructor(_options = {}) {
        this._options = _options;
        this.followSymbolicLink = this._getValue(this._options.followSymbolicLink, true);
        this.fs = fs.createFileSystemAdapter(this._options.fs);
        this.markSymbolicLink = this._getValue(this._options.markSymbolicLink, false);
        this.throwErrorOnBrokenSymbolicLink = this._getValue(this._options.throwErrorOnBrokenSymbolicLink, true);
      }
      _getValue(option, value) {
        return option !== null && option !== void 0 ? option : value;
      }
    };
    exports.default = Settings;
  }
});

// node_modules/@nodelib/fs.stat/out/index.js
var require_out = __commonJS({
  "node_modules/@nodelib/fs.stat/out/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.statSync = exports.stat = exports.Settings = void 0;
    var async = require_async();
    var sync = require_sync();
    var settings_1 = require_settings();
    exports.Settings = settings_1.default;
    function stat(path, optionsOrSettingsOrCallback, callback) {
      if (typeof optionsOrSettingsOrCallback === "function") {
        async.read(path, getSettings(), optionsOrSettingsOrCallback);
        return;
      }
      async.read(path, getSettings(optionsOrSettingsOrCallback), callback);
    }
    exports.stat = stat;
    function statSync4(path, optionsOrSettings) {
      const settings = getSettings(optionsOrSettings);
      return sync.read(path, settings);
    }
    exports.statSync = statSync4;
    function getSettings(settingsOrOptions = {}) {
      if (settingsOrOptions instanceof settings_1.default) {
        return settingsOrOptions;
      }
      return new settings_1.default(settingsOrOptions);
    }
  }
});

// node_modules/queue-microtask/index.js
var require_queue_microtask = __commonJS({
  "node_modules/queue-microtask/index.js"(exports, module) {
    var promise;
    module.exports = typeof queueMicrotask === "function" ? queueMicrotask.bind(typeof window !== "undefined" ? window : global) : (cb) => (promise || (promise = Promise.resolve())).then(cb).catch((err) => setTimeout(() => {
      throw err;
    }, 0));
  }
});

// node_modules/run-parallel/index.js
var require_run_parallel = __commonJS({
  "node_modules/run-parallel/index.js"(exports, module) {
    module.exports = runParallel;
    var queueMicrotask2 = require_queue_microtask();
    function runParallel(tasks, cb) {
      let results, pending, keys;
      let isSync = true;
      if (Array.isArray(tasks)) {
        results = [];
        pending = tasks.length;
      } else {
        keys = Object.keys(tasks);
        results = {};
        pending = keys.length;
      }
      function done(err) {
        function end() {
          if (cb) cb(err, results);
          cb = null;
        }
        if (isSync) queueMicrotask2(end);
        else end();
      }
      function each(i, err, result) {
        results[i] = result;
        if (--pending === 0 || err) {
          done(err);
        }
      }
      if (!pending) {
        done(null);
      } else if (keys) {
        keys.forEach(function(key) {
          tasks[key](function(err, result) {
            each(key, err, result);
          });
        });
      } else {
        tasks.forEach(function(task, i) {
          task(function(err, result) {
            each(i, err, result);
          });
        });
      }
      isSync = false;
    }
  }
});

// node_modules/@nodelib/fs.scandir/out/constants.js
var require_constants2 = __commonJS({
  "node_modules/@nodelib/fs.scandir/out/constants.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.IS_SUPPORT_READDIR_WITH_FILE_TYPES = void 0;
    var NODE_PROCESS_VERSION_PARTS = process.versions.node.split(".");
    if (NODE_PROCESS_VERSION_PARTS[0] === void 0 || NODE_PROCESS_VERSION_PARTS[1] === void 0) {
      throw new Error(`Unexpected behavior. The 'process.versions.node' variable has invalid value: ${process.versions.node}`);
    }
    var MAJOR_VERSION = Number.parseInt(NODE_PROCESS_VERSION_PARTS[0], 10);
    var MINOR_VERSION = Number.parseInt(NODE_PROCESS_VERSION_PARTS[1], 10);
    var SUPPORTED_MAJOR_VERSION = 10;
    var SUPPORTED_MINOR_VERSION = 10;
    var IS_MATCHED_BY_MAJOR = MAJOR_VERSION > SUPPORTED_MAJOR_VERSION;
    var IS_MATCHED_BY_MAJOR_AND_MINOR = MAJOR_VERSION === SUPPORTED_MAJOR_VERSION && MINOR_VERSION >= SUPPORTED_MINOR_VERSION;
    exports.IS_SUPPORT_READDIR_WITH_FILE_TYPES = IS_MATCHED_BY_MAJOR || IS_MATCHED_BY_MAJOR_AND_MINOR;
  }
});

// node_modules/@nodelib/fs.scandir/out/utils/fs.js
var require_fs3 = __commonJS({
  "node_modules/@nodelib/fs.scandir/out/utils/fs.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.createDirentFromStats = void 0;
    var DirentFromStats = class {
      constructor(name, stats) {
        this.name = name;
        this.isBlockDevice = stats.isBlockDevice.bind(stats);
        this.isCharacterDevice = stats.isCharacterDevice.bind(stats);
        this.isDirectory = stats.isDirectory.bind(stats);
        this.isFIFO = stats.isFIFO.bind(stats);
        this.isFile = stats.isFile.bind(stats);
        this.isSocket = stats.isSocket.bind(stats);
        this.isSymbolicLink = stats.isSymbolicLink.bind(stats);
      }
    };
    function createDirentFromStats(name, stats) {
      return new DirentFromStats(name, stats);
    }
    exports.createDirentFromStats = createDirentFromStats;
  }
});

// node_modules/@nodelib/fs.scandir/out/utils/index.js
var require_utils4 = __commonJS({
  "node_modules/@nodelib/fs.scandir/out/utils/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.fs = void 0;
    var fs = require_fs3();
    exports.fs = fs;
  }
});

// node_modules/@nodelib/fs.scandir/out/providers/common.js
var require_common = __commonJS({
  "node_modules/@nodelib/fs.scandir/out/providers/common.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.joinPathSegments = void 0;
    function joinPathSegments(a, b, separator) {
      if (a.endsWith(separator)) {
        return a + b;
      }
      return a + separator + b;
    }
    exports.joinPathSegments = joinPathSegments;
  }
});

// node_modules/@nodelib/fs.scandir/out/providers/async.js
var require_async2 = __commonJS({
  "node_modules/@nodelib/fs.scandir/out/providers/async.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.readdir = exports.readdirWithFileTypes = exports.read = void 0;
    var fsStat = require_out();
    var rpl = require_run_parallel();
    var constants_1 = require_constants2();
    var utils = require_utils4();
    var common = require_common();
    function read(directory, settings, callback) {
      if (!settings.stats && constants_1.IS_SUPPORT_READDIR_WITH_FILE_TYPES) {
        readdirWithFileTypes(directory, settings, callback);
        return;
      }
      readdir(directory, settings, callback);
    }
    exports.read = read;
    function readdirWithFileTypes(directory, settings, callback) {
      settings.fs.readdir(directory, { withFileTypes: true }, (readdirError, dirents) => {
        if (readdirError !== null) {
          callFailureCallback(callback, readdirError);
          return;
        }
        const entries = dirents.map((dirent) => ({
          dirent,
          name: dirent.name,
          path: common.joinPathSegments(directory, dirent.name, settings.pathSegmentSeparator)
        }));
        if (!settings.followSymbolicLinks) {
          callSuccessCallback(callback, entries);
          return;
        }
        const tasks = entries.map((entry) => makeRplTaskEntry(entry, settings));
        rpl(tasks, (rplError, rplEntries) => {
          if (rplError !== null) {
            callFailureCallback(callback, rplError);
            return;
          }
          callSuccessCallback(callback, rplEntries);
        });
      });
    }
    exports.readdirWithFileTypes = readdirWithFileTypes;
    function makeRplTaskEntry(entry, settings) {
      return (done) => {
        if (!entry.dirent.isSymbolicLink()) {
          done(null, entry);
          return;
        }
        settings.fs.stat(entry.path, (statError, stats) => {
          if (statError !== null) {
            if (settings.throwErrorOnBrokenSymbolicLink) {
              done(statError);
              return;
            }
            done(null, entry);
            return;
          }
          entry.dirent = utils.fs.createDirentFromStats(entry.name, stats);
          done(null, entry);
        });
      };
    }
    function readdir(directory, settings, callback) {
      settings.fs.readdir(directory, (readdirError, names) => {
        if (readdirError !== null) {
          callFailureCallback(callback, readdirError);
          return;
        }
        const tasks = names.map((name) => {
          const path = common.joinPathSegments(directory, name, settings.pathSegmentSeparator);
          return (done) => {
            fsStat.stat(path, settings.fsStatSettings, (error, stats) => {
              if (error !== null) {
                done(error);
                return;
              }
              const entry = {
                name,
                path,
                dirent: utils.fs.createDirentFromStats(name, stats)
              };
              if (settings.stats) {
                entry.stats = stats;
              }
              done(null, entry);
            });
          };
        });
        rpl(tasks, (rplError, entries) => {
          if (rplError !== null) {
            callFailureCallback(callback, rplError);
            return;
          }
          callSuccessCallback(callback, entries);
        });
      });
    }
    exports.readdir = readdir;
    function callFailureCallback(callback, error) {
      callback(error);
    }
    function callSuccessCallback(callback, result) {
      callback(null, result);
    }
  }
});

// node_modules/@nodelib/fs.scandir/out/providers/sync.js
var require_sync2 = __commonJS({
  "node_modules/@nodelib/fs.scandir/out/providers/sync.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.readdir = exports.readdirWithFileTypes = exports.read = void 0;
    var fsStat = require_out();
    var constants_1 = require_constants2();
    var utils = require_utils4();
    var common = require_common();
    function read(directory, settings) {
      if (!settings.stats && constants_1.IS_SUPPORT_READDIR_WITH_FILE_TYPES) {
        return readdirWithFileTypes(directory, settings);
      }
      return readdir(directory, settings);
    }
    exports.read = read;
    function readdirWithFileTypes(directory, settings) {
      const dirents = settings.fs.readdirSync(directory, { withFileTypes: true });
      return dirents.map((dirent) => {
        const entry = {
          dirent,
          name: dirent.name,
          path: common.joinPathSegments(directory, dirent.name, settings.pathSegmentSeparator)
        };
        if (entry.dirent.isSymbolicLink() && settings.followSymbolicLinks) {
          try {
            const stats = settings.fs.statSync(entry.path);
            entry.dirent = utils.fs.createDirentFromStats(entry.name, stats);
          } catch (error) {
            if (settings.throwErrorOnBrokenSymbolicLink) {
              throw error;
            }
          }
        }
        return entry;
      });
    }
    exports.readdirWithFileTypes = readdirWithFileTypes;
    function readdir(directory, settings) {
      const names = settings.fs.readdirSync(directory);
      return names.map((name) => {
        const entryPath = common.joinPathSegments(directory, name, settings.pathSegmentSeparator);
        const stats = fsStat.statSync(entryPath, settings.fsStatSettings);
        const entry = {
          name,
          path: entryPath,
          dirent: utils.fs.createDirentFromStats(name, stats)
        };
        if (settings.stats) {
          entry.stats = stats;
        }
        return entry;
      });
    }
    exports.readdir = readdir;
  }
});

// node_modules/@nodelib/fs.scandir/out/adapters/fs.js
var require_fs4 = __commonJS({
  "node_modules/@nodelib/fs.scandir/out/adapters/fs.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.createFileSystemAdapter = exports.FILE_SYSTEM_ADAPTER = void 0;
    var fs = __require("fs");
    exports.FILE_SYSTEM_ADAPTER = {
      lstat: fs.lstat,
      stat: fs.stat,
      lstatSync: fs.lstatSync,
      statSync: fs.statSync,
      readdir: fs.readdir,
      readdirSync: fs.readdirSync
    };
    function createFileSystemAdapter(fsMethods) {
      if (fsMethods === void 0) {
        return exports.FILE_SYSTEM_ADAPTER;
      }
      return Object.assign(Object.assign({}, exports.FILE_SYSTEM_ADAPTER), fsMethods);
    }
    exports.createFileSystemAdapter = createFileSystemAdapter;
  }
});

// node_modules/@nodelib/fs.scandir/out/settings.js
var require_settings2 = __commonJS({
  "node_modules/@nodelib/fs.scandir/out/settings.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var path = __require("path");
    var fsStat = require_out();
    var fs = require_fs4();
    var Settings = class {
      constructor(_options = {}) {
        this._options = _options;
        this.followSymbolicLinks = this._getValue(this._options.followSymbolicLinks, false);
        this.fs = fs.createFileSystemAdapter(this._options.fs);
        this.pathSegmentSeparator = this._getValue(this._options.pathSegmentSeparator, path.sep);
        this.stats = this._getValue(this._options.stats, false);
        this.throwErrorOnBrokenSymbolicLink = this._getValue(this._options.throwErrorOnBrokenSymbolicLink, true);
        this.fsStatSettings = new fsStat.Settings({
          followSymbolicLink: this.followSymbolicLinks,
          fs: this.fs,
          throwErrorOnBrokenSymbolicLink: this.throwErrorOnBrokenSymbolicLink
        });
      }
      _getValue(option, value) {
        return option !== null && option !== void 0 ? option : value;
      }
    };
    exports.default = Settings;
  }
});

// node_modules/@nodelib/fs.scandir/out/index.js
var require_out2 = __commonJS({
  "node_modules/@nodelib/fs.scandir/out/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Settings = exports.scandirSync = exports.scandir = void 0;
    var async = require_async2();
    var sync = require_sync2();
    var settings_1 = require_settings2();
    exports.Settings = settings_1.default;
    function scandir(path, optionsOrSettingsOrCallback, callback) {
      if (typeof optionsOrSettingsOrCallback === "function") {
        async.read(path, getSettings(), optionsOrSettingsOrCallback);
        return;
      }
      async.read(path, getSettings(optionsOrSettingsOrCallback), callback);
    }
    exports.scandir = scandir;
    function scandirSync(path, optionsOrSettings) {
      const settings = getSettings(optionsOrSettings);
      return sync.read(path, settings);
    }
    exports.scandirSync = scandirSync;
    function getSettings(settingsOrOptions = {}) {
      if (settingsOrOptions instanceof settings_1.default) {
        return settingsOrOptions;
      }
      return new settings_1.default(settingsOrOptions);
    }
  }
});

// node_modules/reusify/reusify.js
var require_reusify = __commonJS({
  "node_modules/reusify/reusify.js"(exports, module) {
    "use strict";
    function reusify(Constructor) {
      var head = new Constructor();
      var tail = head;
      function get() {
        var current = head;
        if (current.next) {
          head = current.next;
        } else {
          head = new Constructor();
          tail = head;
        }
        current.next = null;
        return current;
      }
      function release(obj) {
        tail.next = obj;
        tail = obj;
      }
      return {
        get,
        release
      };
    }
    module.exports = reusify;
  }
});

// node_modules/fastq/queue.js
var require_queue = __commonJS({
  "node_modules/fastq/queue.js"(exports, module) {
    "use strict";
    var reusify = require_reusify();
    function fastqueue(context, worker, _concurrency) {
      if (typeof context === "function") {
        _concurrency = worker;
        worker = context;
        context = null;
      }
      if (!(_concurrency >= 1)) {
        throw new Error("fastqueue concurrency must be equal to or greater than 1");
      }
      var cache = reusify(Task);
      var queueHead = null;
      var queueTail = null;
      var _running = 0;
      var errorHandler = null;
      var self = {
        push,
        drain: noop,
        saturated: noop,
        pause,
        paused: false,
        get concurrency() {
          return _concurrency;
        },
        set concurrency(value) {
          if (!(value >= 1)) {
            throw new Error("fastqueue concurrency must be equal to or greater than 1");
          }
          _concurrency = value;
          if (self.paused) return;
          for (; queueHead && _running < _concurrency; ) {
            _running++;
            release();
          }
        },
        running,
        resume,
        idle,
        length,
        getQueue,
        unshift,
        empty: noop,
        kill,
        killAndDrain,
        error,
        abort
      };
      return self;
      function running() {
        return _running;
      }
      function pause() {
        self.paused = true;
      }
      function length() {
        var current = queueHead;
        var counter = 0;
        while (current) {
          current = current.next;
          counter++;
        }
        return counter;
      }
      function getQueue() {
        var current = queueHead;
        var tasks = [];
        while (current) {
          tasks.push(current.value);
          current = current.next;
        }
        return tasks;
      }
      function resume() {
        if (!self.paused) return;
        self.paused = false;
        if (queueHead === null) {
          _running++;
          release();
          return;
        }
        for (; queueHead && _running < _concurrency; ) {
          _running++;
          release();
        }
      }
      function idle() {
        return _running === 0 && self.length() === 0;
      }
      function push(value, done) {
        var current = cache.get();
        current.context = context;
        current.release = release;
        current.value = value;
        current.callback = done || noop;
        current.errorHandler = errorHandler;
        if (_running >= _concurrency || self.paused) {
          if (queueTail) {
            queueTail.next = current;
            queueTail = current;
          } else {
            queueHead = current;
            queueTail = current;
            self.saturated();
          }
        } else {
          _running++;
          worker.call(context, current.value, current.worked);
        }
      }
      function unshift(value, done) {
        var current = cache.get();
        current.context = context;
        current.release = release;
        current.value = value;
        current.callback = done || noop;
        current.errorHandler = errorHandler;
        if (_running >= _concurrency || self.paused) {
          if (queueHead) {
            current.next = queueHead;
            queueHead = current;
          } else {
            queueHead = current;
            queueTail = current;
            self.saturated();
          }
        } else {
          _running++;
          worker.call(context, current.value, current.worked);
        }
      }
      function release(holder) {
        if (holder) {
          cache.release(holder);
        }
        var next = queueHead;
        if (next && _running <= _concurrency) {
          if (!self.paused) {
            if (queueTail === queueHead) {
              queueTail = null;
            }
            queueHead = next.next;
            next.next = null;
            worker.call(context, next.value, next.worked);
            if (queueTail === null) {
              self.empty();
            }
          } else {
            _running--;
          }
        } else if (--_running === 0) {
          self.drain();
        }
      }
      function kill() {
        queueHead = null;
        queueTail = null;
        self.drain = noop;
      }
      function killAndDrain() {
        queueHead = null;
        queueTail = null;
        self.drain();
        self.drain = noop;
      }
      function abort() {
        var current = queueHead;
        queueHead = null;
        queueTail = null;
        while (current) {
          var next = current.next;
          var callback = current.callback;
          var errorHandler2 = current.errorHandler;
          var val = current.value;
          var context2 = current.context;
          current.value = null;
          current.callback = noop;
          current.errorHandler = null;
          current.next = null;
          if (errorHandler2) {
            errorHandler2(new Error("abort"), val);
          }
          callback.call(context2, new Error("abort"));
          cache.release(current);
          current = next;
        }
        self.drain = noop;
      }
      function error(handler) {
        errorHandler = handler;
      }
    }
    function noop() {
    }
    function Task() {
      this.value = null;
      this.callback = noop;
      this.next = null;
      this.release = noop;
      this.context = null;
      this.errorHandler = null;
      var self = this;
      this.worked = function worked(err, result) {
        var callback = self.callback;
        var errorHandler = self.errorHandler;
        var val = self.value;
        self.value = null;
        self.callback = noop;
        if (self.errorHandler) {
          errorHandler(err, val);
        }
        callback.call(self.context, err, result);
        self.release(self);
      };
    }
    function queueAsPromised(context, worker, _concurrency) {
      if (typeof context === "function") {
        _concurrency = worker;
        worker = context;
        context = null;
      }
      function asyncWrapper(arg, cb) {
        worker.call(this, arg).then(function(res) {
          cb(null, res);
        }, cb);
      }
      var queue = fastqueue(context, asyncWrapper, _concurrency);
      var pushCb = queue.push;
      var unshiftCb = queue.unshift;
      queue.push = push;
      queue.unshift = unshift;
      queue.drained = drained;
      return queue;
      function push(value) {
        var p = new Promise(function(resolve5, reject) {
          pushCb(value, function(err, result) {
            if (err) {
              reject(err);
              return;
            }
            resolve5(result);
          });
        });
        p.catch(noop);
        return p;
      }
      function unshift(value) {
        var p = new Promise(function(resolve5, reject) {
          unshiftCb(value, function(err, result) {
            if (err) {
              reject(err);
              return;
            }
            resolve5(result);
          });
        });
        p.catch(noop);
        return p;
      }
      function drained() {
        var p = new Promise(function(resolve5) {
          process.nextTick(function() {
            if (queue.idle()) {
              resolve5();
            } else {
              var previousDrain = queue.drain;
              queue.drain = function() {
                if (typeof previousDrain === "function") previousDrain();
                resolve5();
                queue.drain = previousDrain;
              };
            }
          });
        });
        return p;
      }
    }
    module.exports = fastqueue;
    module.exports.promise = queueAsPromised;
  }
});

// node_modules/@nodelib/fs.walk/out/readers/common.js
var require_common2 = __commonJS({
  "node_modules/@nodelib/fs.walk/out/readers/common.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.joinPathSegments = exports.replacePathSegmentSeparator = exports.isAppliedFilter = exports.isFatalError = void 0;
    function isFatalError(settings, error) {
      if (settings.errorFilter === null) {
        return true;
      }
      return !settings.errorFilter(error);
    }
    exports.isFatalError = isFatalError;
    function isAppliedFilter(filter, value) {
      return filter === null || filter(value);
    }
    exports.isAppliedFilter = isAppliedFilter;
    function replacePathSegmentSeparator(filepath, separator) {
      return filepath.split(/[/\\]/).join(separator);
    }
    exports.replacePathSegmentSeparator = replacePathSegmentSeparator;
    function joinPathSegments(a, b, separator) {
      if (a === "") {
        return b;
      }
      if (a.endsWith(separator)) {
        return a + b;
      }
      return a + separator + b;
    }
    exports.joinPathSegments = joinPathSegments;
  }
});

// node_modules/@nodelib/fs.walk/out/readers/reader.js
var require_reader = __commonJS({
  "node_modules/@nodelib/fs.walk/out/readers/reader.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var common = require_common2();
    var Reader = class {
      constructor(_root, _settings) {
        this._root = _root;
        this._settings = _settings;
        this._root = common.replacePathSegmentSeparator(_root, _settings.pathSegmentSeparator);
      }
    };
    exports.default = Reader;
  }
});

// node_modules/@nodelib/fs.walk/out/readers/async.js
var require_async3 = __commonJS({
  "node_modules/@nodelib/fs.walk/out/readers/async.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var events_1 = __require("events");
    var fsScandir = require_out2();
    var fastq = require_queue();
    var common = require_common2();
    var reader_1 = require_reader();
    var AsyncReader = class extends reader_1.default {
      constructor(_root, _settings) {
        super(_root, _settings);
        this._settings = _settings;
        this._scandir = fsScandir.scandir;
        this._emitter = new events_1.EventEmitter();
        this._queue = fastq(this._worker.bind(this), this._settings.concurrency);
        this._isFatalError = false;
        this._isDestroyed = false;
        this._queue.drain = () => {
          if (!this._isFatalError) {
            this._emitter.emit("end");
          }
        };
      }
      read() {
        this._isFatalError = false;
        this._isDestroyed = false;
        setImmediate(() => {
          this._pushToQueue(this._root, this._settings.basePath);
        });
        return this._emitter;
      }
      get isDestroyed() {
        return this._isDestroyed;
      }
      destroy() {
        if (this._isDestroyed) {
          throw new Error("The reader is already destroyed");
        }
        this._isDestroyed = true;
        this._queue.killAndDrain();
      }
      onEntry(callback) {
        this._emitter.on("entry", callback);
      }
      onError(callback) {
        this._emitter.once("error", callback);
      }
      onEnd(callback) {
        this._emitter.once("end", callback);
      }
      _pushToQueue(directory, base) {
        const queueItem = { directory, base };
        this._queue.push(queueItem, (error) => {
          if (error !== null) {
            this._handleError(error);
          }
        });
      }
      _worker(item, done) {
        this._scandir(item.directory, this._settings.fsScandirSettings, (error, entries) => {
          if (error !== null) {
            done(error, void 0);
            return;
          }
          for (const entry of entries) {
            this._handleEntry(entry, item.base);
          }
          done(null, void 0);
        });
      }
      _handleError(error) {
        if (this._isDestroyed || !common.isFatalError(this._settings, error)) {
          return;
        }
        this._isFatalError = true;
        this._isDestroyed = true;
        this._emitter.emit("error", error);
      }
      _handleEntry(entry, base) {
        if (this._isDestroyed || this._isFatalError) {
          return;
        }
        const fullpath = entry.path;
        if (base !== void 0) {
          entry.path = common.joinPathSegments(base, entry.name, this._settings.pathSegmentSeparator);
        }
        if (common.isAppliedFilter(this._settings.entryFilter, entry)) {
          this._emitEntry(entry);
        }
        if (entry.dirent.isDirectory() && common.isAppliedFilter(this._settings.deepFilter, entry)) {
          this._pushToQueue(fullpath, base === void 0 ? void 0 : entry.path);
        }
      }
      _emitEntry(entry) {
        this._emitter.emit("entry", entry);
      }
    };
    exports.default = AsyncReader;
  }
});

// node_modules/@nodelib/fs.walk/out/providers/async.js
var require_async4 = __commonJS({
  "node_modules/@nodelib/fs.walk/out/providers/async.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var async_1 = require_async3();
    var AsyncProvider = class {
      constructor(_root, _settings) {
        this._root = _root;
        this._settings = _settings;
        this._reader = new async_1.default(this._root, this._settings);
        this._storage = [];
      }
      read(callback) {
        this._reader.onError((error) => {
          callFailureCallback(callback, error);
        });
        this._reader.onEntry((entry) => {
          this._storage.push(entry);
        });
        this._reader.onEnd(() => {
          callSuccessCallback(callback, this._storage);
        });
        this._reader.read();
      }
    };
    exports.default = AsyncProvider;
    function callFailureCallback(callback, error) {
      callback(error);
    }
    function callSuccessCallback(callback, entries) {
      callback(null, entries);
    }
  }
});

// node_modules/@nodelib/fs.walk/out/providers/stream.js
var require_stream2 = __commonJS({
  "node_modules/@nodelib/fs.walk/out/providers/stream.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var stream_1 = __require("stream");
    var async_1 = require_async3();
    var StreamProvider = class {
      constructor(_root, _settings) {
        this._root = _root;
        this._settings = _settings;
        this._reader = new async_1.default(this._root, this._settings);
        this._stream = new stream_1.Readable({
          objectMode: true,
          read: () => {
          },
          destroy: () => {
            if (!this._reader.isDestroyed) {
              this._reader.destroy();
            }
          }
        });
      }
      read() {
        this._reader.onError((error) => {
          this._stream.emit("error", error);
        });
        this._reader.onEntry((entry) => {
          this._stream.push(entry);
        });
        this._reader.onEnd(() => {
          this._stream.push(null);
        });
        this._reader.read();
        return this._stream;
      }
    };
    exports.default = StreamProvider;
  }
});

// node_modules/@nodelib/fs.walk/out/readers/sync.js
var require_sync3 = __commonJS({
  "node_modules/@nodelib/fs.walk/out/readers/sync.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var fsScandir = require_out2();
    var common = require_common2();
    var reader_1 = require_reader();
    var SyncReader = class extends reader_1.default {
      constructor() {
        super(...arguments);
        this._scandir = fsScandir.scandirSync;
        this._storage = [];
        this._queue = /* @__PURE__ */ new Set();
      }
      read() {
        this._pushToQueue(this._root, this._settings.basePath);
        this._handleQueue();
        return this._storage;
      }
      _pushToQueue(directory, base) {
        this._queue.add({ directory, base });
      }
      _handleQueue() {
        for (const item of this._queue.values()) {
          this._handleDirectory(item.directory, item.base);
        }
      }
      _handleDirectory(directory, base) {
        try {
          const entries = this._scandir(directory, this._settings.fsScandirSettings);
          for (const entry of entries) {
            this._handleEntry(entry, base);
          }
        } catch (error) {
          this._handleError(error);
        }
      }
      _handleError(error) {
        if (!common.isFatalError(this._settings, error)) {
          return;
        }
        throw error;
      }
      _handleEntry(entry, base) {
        const fullpath = entry.path;
        if (base !== void 0) {
          entry.path = common.joinPathSegments(base, entry.name, this._settings.pathSegmentSeparator);
        }
        if (common.isAppliedFilter(this._settings.entryFilter, entry)) {
          this._pushToStorage(entry);
        }
        if (entry.dirent.isDirectory() && common.isAppliedFilter(this._settings.deepFilter, entry)) {
          this._pushToQueue(fullpath, base === void 0 ? void 0 : entry.path);
        }
      }
      _pushToStorage(entry) {
        this._storage.push(entry);
      }
    };
    exports.default = SyncReader;
  }
});

// node_modules/@nodelib/fs.walk/out/providers/sync.js
var require_sync4 = __commonJS({
  "node_modules/@nodelib/fs.walk/out/providers/sync.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var sync_1 = require_sync3();
    var SyncProvider = class {
      constructor(_root, _settings) {
        this._root = _root;
        this._settings = _settings;
        this._reader = new sync_1.default(this._root, this._settings);
      }
      read() {
        return this._reader.read();
      }
    };
    exports.default = SyncProvider;
  }
});

// node_modules/@nodelib/fs.walk/out/settings.js
var require_settings3 = __commonJS({
  "node_modules/@nodelib/fs.walk/out/settings.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var path = __require("path");
    var fsScandir = require_out2();
    var Settings = class {
      constructor(_options = {}) {
        this._options = _options;
        this.basePath = this._getValue(this._options.basePath, void 0);
        this.concurrency = this._getValue(this._options.concurrency, Number.POSITIVE_INFINITY);
        this.deepFilter = this._getValue(this._options.deepFilter, null);
        this.entryFilter = this._getValue(this._options.entryFilter, null);
        this.errorFilter = this._getValue(this._options.errorFilter, null);
        this.pathSegmentSeparator = this._getValue(this._options.pathSegmentSeparator, path.sep);
        this.fsScandirSettings = new fsScandir.Settings({
          followSymbolicLinks: this._options.followSymbolicLinks,
          fs: this._options.fs,
          pathSegmentSeparator: this._options.pathSegmentSeparator,
          stats: this._options.stats,
          throwErrorOnBrokenSymbolicLink: this._options.throwErrorOnBrokenSymbolicLink
        });
      }
      _getValue(option, value) {
        return option !== null && option !== void 0 ? option : value;
      }
    };
    exports.default = Settings;
  }
});

// node_modules/@nodelib/fs.walk/out/index.js
var require_out3 = __commonJS({
  "node_modules/@nodelib/fs.walk/out/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Settings = exports.walkStream = exports.walkSync = exports.walk = void 0;
    var async_1 = require_async4();
    var stream_1 = require_stream2();
    var sync_1 = require_sync4();
    var settings_1 = require_settings3();
    exports.Settings = settings_1.default;
    function walk(directory, optionsOrSettingsOrCallback, callback) {
      if (typeof optionsOrSettingsOrCallback === "function") {
        new async_1.default(directory, getSettings()).read(optionsOrSettingsOrCallback);
        return;
      }
      new async_1.default(directory, getSettings(optionsOrSettingsOrCallback)).read(callback);
    }
    exports.walk = walk;
    function walkSync(directory, optionsOrSettings) {
      const settings = getSettings(optionsOrSettings);
      const provider = new sync_1.default(directory, settings);
      return provider.read();
    }
    exports.walkSync = walkSync;
    function walkStream(directory, optionsOrSettings) {
      const settings = getSettings(optionsOrSettings);
      const provider = new stream_1.default(directory, settings);
      return provider.read();
    }
    exports.walkStream = walkStream;
    function getSettings(settingsOrOptions = {}) {
      if (settingsOrOptions instanceof settings_1.default) {
        return settingsOrOptions;
      }
      return new settings_1.default(settingsOrOptions);
    }
  }
});

// node_modules/fast-glob/out/readers/reader.js
var require_reader2 = __commonJS({
  "node_modules/fast-glob/out/readers/reader.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var path = __require("path");
    var fsStat = require_out();
    var utils = require_utils3();
    var Reader = class {
      constructor(_settings) {
        this._settings = _settings;
        this._fsStatSettings = new fsStat.Settings({
          followSymbolicLink: this._settings.followSymbolicLinks,
          fs: this._settings.fs,
          throwErrorOnBrokenSymbolicLink: this._settings.followSymbolicLinks
        });
      }
      _getFullEntryPath(filepath) {
        return path.resolve(this._settings.cwd, filepath);
      }
      _makeEntry(stats, pattern) {
        const entry = {
          name: pattern,
          path: pattern,
          dirent: utils.fs.createDirentFromStats(pattern, stats)
        };
        if (this._settings.stats) {
          entry.stats = stats;
        }
        return entry;
      }
      _isFatalError(error) {
        return !utils.errno.isEnoentCodeError(error) && !this._settings.suppressErrors;
      }
    };
    exports.default = Reader;
  }
});

// node_modules/fast-glob/out/readers/stream.js
var require_stream3 = __commonJS({
  "node_modules/fast-glob/out/readers/stream.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var stream_1 = __require("stream");
    var fsStat = require_out();
    var fsWalk = require_out3();
    var reader_1 = require_reader2();
    var ReaderStream = class extends reader_1.default {
      constructor() {
        super(...arguments);
        this._walkStream = fsWalk.walkStream;
        this._stat = fsStat.stat;
      }
      dynamic(root, options) {
        return this._walkStream(root, options);
      }
      static(patterns, options) {
        const filepaths = patterns.map(this._getFullEntryPath, this);
        const stream = new stream_1.PassThrough({ objectMode: true });
        stream._write = (index, _enc, done) => {
          return this._getEntry(filepaths[index], patterns[index], options).then((entry) => {
            if (entry !== null && options.entryFilter(entry)) {
              stream.push(entry);
            }
            if (index === filepaths.length - 1) {
              stream.end();
            }
            done();
          }).catch(done);
        };
        for (let i = 0; i < filepaths.length; i++) {
          stream.write(i);
        }
        return stream;
      }
      _getEntry(filepath, pattern, options) {
        return this._getStat(filepath).then((stats) => this._makeEntry(stats, pattern)).catch((error) => {
          if (options.errorFilter(error)) {
            return null;
          }
          throw error;
        });
      }
      _getStat(filepath) {
        return new Promise((resolve5, reject) => {
          this._stat(filepath, this._fsStatSettings, (error, stats) => {
            return error === null ? resolve5(stats) : reject(error);
          });
        });
      }
    };
    exports.default = ReaderStream;
  }
});

// node_modules/fast-glob/out/readers/async.js
var require_async5 = __commonJS({
  "node_modules/fast-glob/out/readers/async.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var fsWalk = require_out3();
    var reader_1 = require_reader2();
    var stream_1 = require_stream3();
    var ReaderAsync = class extends reader_1.default {
      constructor() {
        super(...arguments);
        this._walkAsync = fsWalk.walk;
        this._readerStream = new stream_1.default(this._settings);
      }
      dynamic(root, options) {
        return new Promise((resolve5, reject) => {
          this._walkAsync(root, options, (error, entries) => {
            if (error === null) {
              resolve5(entries);
            } else {
              reject(error);
            }
          });
        });
      }
      async static(patterns, options) {
        const entries = [];
        const stream = this._readerStream.static(patterns, options);
        return new Promise((resolve5, reject) => {
          stream.once("error", reject);
          stream.on("data", (entry) => entries.push(entry));
          stream.once("end", () => resolve5(entries));
        });
      }
    };
    exports.default = ReaderAsync;
  }
});

// node_modules/fast-glob/out/providers/matchers/matcher.js
var require_matcher = __commonJS({
  "node_modules/fast-glob/out/providers/matchers/matcher.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var utils = require_utils3();
    var Matcher = class {
      constructor(_patterns, _settings, _micromatchOptions) {
        this._patterns = _patterns;
        this._settings = _settings;
        this._micromatchOptions = _micromatchOptions;
        this._storage = [];
        this._fillStorage();
      }
      _fillStorage() {
        for (const pattern of this._patterns) {
          const segments = this._getPatternSegments(pattern);
          const sections = this._splitSegmentsIntoSections(segments);
          this._storage.push({
            complete: sections.length <= 1,
            pattern,
            segments,
            sections
          });
        }
      }
      _getPatternSegments(pattern) {
        const parts = utils.pattern.getPatternParts(pattern, this._micromatchOptions);
        return parts.map((part) => {
          const dynamic = utils.pattern.isDynamicPattern(part, this._settings);
          if (!dynamic) {
            return {
              dynamic: false,
              pattern: part
            };
          }
          return {
            dynamic: true,
            pattern: part,
            patternRe: utils.pattern.makeRe(part, this._micromatchOptions)
          };
        });
      }
      _splitSegmentsIntoSections(segments) {
        return utils.array.splitWhen(segments, (segment) => segment.dynamic && utils.pattern.hasGlobStar(segment.pattern));
      }
    };
    exports.default = Matcher;
  }
});

// node_modules/fast-glob/out/providers/matchers/partial.js
var require_partial = __commonJS({
  "node_modules/fast-glob/out/providers/matchers/partial.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var matcher_1 = require_matcher();
    var PartialMatcher = class extends matcher_1.default {
      match(filepath) {
        const parts = filepath.split("/");
        const levels = parts.length;
        const patterns = this._storage.filter((info) => !info.complete || info.segments.length > levels);
        for (const pattern of patterns) {
          const section = pattern.sections[0];
          if (!pattern.complete && levels > section.length) {
            return true;
          }
          const match = parts.every((part, index) => {
            const segment = pattern.segments[index];
            if (segment.dynamic && segment.patternRe.test(part)) {
              return true;
            }
            if (!segment.dynamic && segment.pattern === part) {
              return true;
            }
            return false;
          });
          if (match) {
            return true;
          }
        }
        return false;
      }
    };
    exports.default = PartialMatcher;
  }
});

// node_modules/fast-glob/out/providers/filters/deep.js
var require_deep = __commonJS({
  "node_modules/fast-glob/out/providers/filters/deep.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var utils = require_utils3();
    var partial_1 = require_partial();
    var DeepFilter = class {
      constructor(_settings, _micromatchOptions) {
        this._settings = _settings;
        this._micromatchOptions = _micromatchOptions;
      }
      getFilter(basePath, positive, negative) {
        const matcher = this._getMatcher(positive);
        const negativeRe = this._getNegativePatternsRe(negative);
        return (entry) => this._filter(basePath, entry, matcher, negativeRe);
      }
      _getMatcher(patterns) {
        return new partial_1.default(patterns, this._settings, this._micromatchOptions);
      }
      _getNegativePatternsRe(patterns) {
        const affectDepthOfReadingPatterns = patterns.filter(utils.pattern.isAffectDepthOfReadingPattern);
        return utils.pattern.convertPatternsToRe(affectDepthOfReadingPatterns, this._micromatchOptions);
      }
      _filter(basePath, entry, matcher, negativeRe) {
        if (this._isSkippedByDeep(basePath, entry.path)) {
          return false;
        }
        if (this._isSkippedSymbolicLink(entry)) {
          return false;
        }
        const filepath = utils.path.removeLeadingDotSegment(entry.path);
        if (this._isSkippedByPositivePatterns(filepath, matcher)) {
          return false;
        }
        return this._isSkippedByNegativePatterns(filepath, negativeRe);
      }
      _isSkippedByDeep(basePath, entryPath) {
        if (this._settings.deep === Infinity) {
          return false;
        }
        return this._getEntryLevel(basePath, entryPath) >= this._settings.deep;
      }
      _getEntryLevel(basePath, entryPath) {
        const entryPathDepth = entryPath.split("/").length;
        if (basePath === "") {
          return entryPathDepth;
        }
        const basePathDepth = basePath.split("/").length;
        return entryPathDepth - basePathDepth;
      }
      _isSkippedSymbolicLink(entry) {
        return !this._settings.followSymbolicLinks && entry.dirent.isSymbolicLink();
      }
      _isSkippedByPositivePatterns(entryPath, matcher) {
        return !this._settings.baseNameMatch && !matcher.match(entryPath);
      }
      _isSkippedByNegativePatterns(entryPath, patternsRe) {
        return !utils.pattern.matchAny(entryPath, patternsRe);
      }
    };
    exports.default = DeepFilter;
  }
});

// node_modules/fast-glob/out/providers/filters/entry.js
var require_entry = __commonJS({
  "node_modules/fast-glob/out/providers/filters/entry.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var utils = require_utils3();
    var EntryFilter = class {
      constructor(_settings, _micromatchOptions) {
        this._settings = _settings;
        this._micromatchOptions = _micromatchOptions;
        this.index = /* @__PURE__ */ new Map();
      }
      getFilter(positive, negative) {
        const [absoluteNegative, relativeNegative] = utils.pattern.partitionAbsoluteAndRelative(negative);
        const patterns = {
          positive: {
            all: utils.pattern.convertPatternsToRe(positive, this._micromatchOptions)
          },
          negative: {
            absolute: utils.pattern.convertPatternsToRe(absoluteNegative, Object.assign(Object.assign({}, this._micromatchOptions), { dot: true })),
            relative: utils.pattern.convertPatternsToRe(relativeNegative, Object.assign(Object.assign({}, this._micromatchOptions), { dot: true }))
          }
        };
        return (entry) => this._filter(entry, patterns);
      }
      _filter(entry, patterns) {
        const filepath = utils.path.removeLeadingDotSegment(entry.path);
        if (this._settings.unique && this._isDuplicateEntry(filepath)) {
          return false;
        }
        if (this._onlyFileFilter(entry) || this._onlyDirectoryFilter(entry)) {
          return false;
        }
        const isMatched = this._isMatchToPatternsSet(filepath, patterns, entry.dirent.isDirectory());
        if (this._settings.unique && isMatched) {
          this._createIndexRecord(filepath);
        }
        return isMatched;
      }
      _isDuplicateEntry(filepath) {
        return this.index.has(filepath);
      }
      _createIndexRecord(filepath) {
        this.index.set(filepath, void 0);
      }
      _onlyFileFilter(entry) {
        return this._settings.onlyFiles && !entry.dirent.isFile();
      }
      _onlyDirectoryFilter(entry) {
        return this._settings.onlyDirectories && !entry.dirent.isDirectory();
      }
      _isMatchToPatternsSet(filepath, patterns, isDirectory) {
        const isMatched = this._isMatchToPatterns(filepath, patterns.positive.all, isDirectory);
        if (!isMatched) {
          return false;
        }
        const isMatchedByRelativeNegative = this._isMatchToPatterns(filepath, patterns.negative.relative, isDirectory);
        if (isMatchedByRelativeNegative) {
          return false;
        }
        const isMatchedByAbsoluteNegative = this._isMatchToAbsoluteNegative(filepath, patterns.negative.absolute, isDirectory);
        if (isMatchedByAbsoluteNegative) {
          return false;
        }
        return true;
      }
      _isMatchToAbsoluteNegative(filepath, patternsRe, isDirectory) {
        if (patternsRe.length === 0) {
          return false;
        }
        const fullpath = utils.path.makeAbsolute(this._settings.cwd, filepath);
        return this._isMatchToPatterns(fullpath, patternsRe, isDirectory);
      }
      _isMatchToPatterns(filepath, patternsRe, isDirectory) {
        if (patternsRe.length === 0) {
          return false;
        }
        const isMatched = utils.pattern.matchAny(filepath, patternsRe);
        if (!isMatched && isDirectory) {
          return utils.pattern.matchAny(filepath + "/", patternsRe);
        }
        return isMatched;
      }
    };
    exports.default = EntryFilter;
  }
});

// node_modules/fast-glob/out/providers/filters/error.js
var require_error = __commonJS({
  "node_modules/fast-glob/out/providers/filters/error.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var utils = require_utils3();
    var ErrorFilter = class {
      constructor(_settings) {
        this._settings = _settings;
      }
      getFilter() {
        return (error) => this._isNonFatalError(error);
      }
      _isNonFatalError(error) {
        return utils.errno.isEnoentCodeError(error) || this._settings.suppressErrors;
      }
    };
    exports.default = ErrorFilter;
  }
});

// node_modules/fast-glob/out/providers/transformers/entry.js
var require_entry2 = __commonJS({
  "node_modules/fast-glob/out/providers/transformers/entry.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var utils = require_utils3();
    var EntryTransformer = class {
      constructor(_settings) {
        this._settings = _settings;
      }
      getTransformer() {
        return (entry) => this._transform(entry);
      }
      _transform(entry) {
        let filepath = entry.path;
        if (this._settings.absolute) {
          filepath = utils.path.makeAbsolute(this._settings.cwd, filepath);
          filepath = utils.path.unixify(filepath);
        }
        if (this._settings.markDirectories && entry.dirent.isDirectory()) {
          filepath += "/";
        }
        if (!this._settings.objectMode) {
          return filepath;
        }
        return Object.assign(Object.assign({}, entry), { path: filepath });
      }
    };
    exports.default = EntryTransformer;
  }
});

// node_modules/fast-glob/out/providers/provider.js
var require_provider = __commonJS({
  "node_modules/fast-glob/out/providers/provider.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var path = __require("path");
    var deep_1 = require_deep();
    var entry_1 = require_entry();
    var error_1 = require_error();
    var entry_2 = require_entry2();
    var Provider = class {
      constructor(_settings) {
        this._settings = _settings;
        this.errorFilter = new error_1.default(this._settings);
        this.entryFilter = new entry_1.default(this._settings, this._getMicromatchOptions());
        this.deepFilter = new deep_1.default(this._settings, this._getMicromatchOptions());
        this.entryTransformer = new entry_2.default(this._settings);
      }
      _getRootDirectory(task) {
        return path.resolve(this._settings.cwd, task.base);
      }
      _getReaderOptions(task) {
        const basePath = task.base === "." ? "" : task.base;
        return {
          basePath,
          pathSegmentSeparator: "/",
          concurrency: this._settings.concurrency,
          deepFilter: this.deepFilter.getFilter(basePath, task.positive, task.negative),
          entryFilter: this.entryFilter.getFilter(task.positive, task.negative),
          errorFilter: this.errorFilter.getFilter(),
          followSymbolicLinks: this._settings.followSymbolicLinks,
          fs: this._settings.fs,
          stats: this._settings.stats,
          throwErrorOnBrokenSymbolicLink: this._settings.throwErrorOnBrokenSymbolicLink,
          transform: this.entryTransformer.getTransformer()
        };
      }
      _getMicromatchOptions() {
        return {
          dot: this._settings.dot,
          matchBase: this._settings.baseNameMatch,
          nobrace: !this._settings.braceExpansion,
          nocase: !this._settings.caseSensitiveMatch,
          noext: !this._settings.extglob,
          noglobstar: !this._settings.globstar,
          posix: true,
          strictSlashes: false
        };
      }
    };
    exports.default = Provider;
  }
});

// node_modules/fast-glob/out/providers/async.js
var require_async6 = __commonJS({
  "node_modules/fast-glob/out/providers/async.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var async_1 = require_async5();
    var provider_1 = require_provider();
    var ProviderAsync = class extends provider_1.default {
      constructor() {
        super(...arguments);
        this._reader = new async_1.default(this._settings);
      }
      async read(task) {
        const root = this._getRootDirectory(task);
        const options = this._getReaderOptions(task);
        const entries = await this.api(root, task, options);
        return entries.map((entry) => options.transform(entry));
      }
      api(root, task, options) {
        if (task.dynamic) {
          return this._reader.dynamic(root, options);
        }
        return this._reader.static(task.patterns, options);
      }
    };
    exports.default = ProviderAsync;
  }
});

// node_modules/fast-glob/out/providers/stream.js
var require_stream4 = __commonJS({
  "node_modules/fast-glob/out/providers/stream.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var stream_1 = __require("stream");
    var stream_2 = require_stream3();
    var provider_1 = require_provider();
    var ProviderStream = class extends provider_1.default {
      constructor() {
        super(...arguments);
        this._reader = new stream_2.default(this._settings);
      }
      read(task) {
        const root = this._getRootDirectory(task);
        const options = this._getReaderOptions(task);
        const source = this.api(root, task, options);
        const destination = new stream_1.Readable({ objectMode: true, read: () => {
        } });
        source.once("error", (error) => destination.emit("error", error)).on("data", (entry) => destination.emit("data", options.transform(entry))).once("end", () => destination.emit("end"));
        destination.once("close", () => source.destroy());
        return destination;
      }
      api(root, task, options) {
        if (task.dynamic) {
          return this._reader.dynamic(root, options);
        }
        return this._reader.static(task.patterns, options);
      }
    };
    exports.default = ProviderStream;
  }
});

// node_modules/fast-glob/out/readers/sync.js
var require_sync5 = __commonJS({
  "node_modules/fast-glob/out/readers/sync.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var fsStat = require_out();
    var fsWalk = require_out3();
    var reader_1 = require_reader2();
    var ReaderSync = class extends reader_1.default {
      constructor() {
        super(...arguments);
        this._walkSync = fsWalk.walkSync;
        this._statSync = fsStat.statSync;
      }
      dynamic(root, options) {
        return this._walkSync(root, options);
      }
      static(patterns, options) {
        const entries = [];
        for (const pattern of patterns) {
          const filepath = this._getFullEntryPath(pattern);
          const entry = this._getEntry(filepath, pattern, options);
          if (entry === null || !options.entryFilter(entry)) {
            continue;
          }
          entries.push(entry);
        }
        return entries;
      }
      _getEntry(filepath, pattern, options) {
        try {
          const stats = this._getStat(filepath);
          return this._makeEntry(stats, pattern);
        } catch (error) {
          if (options.errorFilter(error)) {
            return null;
          }
          throw error;
        }
      }
      _getStat(filepath) {
        return this._statSync(filepath, this._fsStatSettings);
      }
    };
    exports.default = ReaderSync;
  }
});

// node_modules/fast-glob/out/providers/sync.js
var require_sync6 = __commonJS({
  "node_modules/fast-glob/out/providers/sync.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var sync_1 = require_sync5();
    var provider_1 = require_provider();
    var ProviderSync = class extends provider_1.default {
      constructor() {
        super(...arguments);
        this._reader = new sync_1.default(this._settings);
      }
      read(task) {
        const root = this._getRootDirectory(task);
        const options = this._getReaderOptions(task);
        const entries = this.api(root, task, options);
        return entries.map(options.transform);
      }
      api(root, task, options) {
        if (task.dynamic) {
          return this._reader.dynamic(root, options);
        }
        return this._reader.static(task.patterns, options);
      }
    };
    exports.default = ProviderSync;
  }
});

// node_modules/fast-glob/out/settings.js
var require_settings4 = __commonJS({
  "node_modules/fast-glob/out/settings.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.DEFAULT_FILE_SYSTEM_ADAPTER = void 0;
    var fs = __require("fs");
    var os = __require("os");
    var CPU_COUNT = Math.max(os.cpus().length, 1);
    exports.DEFAULT_FILE_SYSTEM_ADAPTER = {
      lstat: fs.lstat,
      lstatSync: fs.lstatSync,
      stat: fs.stat,
      statSync: fs.statSync,
      readdir: fs.readdir,
      readdirSync: fs.readdirSync
    };
    var Settings = class {
      constructor(_options = {}) {
        this._options = _options;
        this.absolute = this._getValue(this._options.absolute, false);
        this.baseNameMatch = this._getValue(this._options.baseNameMatch, false);
        this.braceExpansion = this._getValue(this._options.braceExpansion, true);
        this.caseSensitiveMatch = this._getValue(this._options.caseSensitiveMatch, true);
        this.concurrency = this._getValue(this._options.concurrency, CPU_COUNT);
        this.cwd = this._getValue(this._options.cwd, process.cwd());
        this.deep = this._getValue(this._options.deep, Infinity);
        this.dot = this._getValue(this._options.dot, false);
        this.extglob = this._getValue(this._options.extglob, true);
        this.followSymbolicLinks = this._getValue(this._options.followSymbolicLinks, true);
        this.fs = this._getFileSystemMethods(this._options.fs);
        this.globstar = this._getValue(this._options.globstar, true);
        this.ignore = this._getValue(this._options.ignore, []);
        this.markDirectories = this._getValue(this._options.markDirectories, false);
        this.objectMode = this._getValue(this._options.objectMode, false);
        this.onlyDirectories = this._getValue(this._options.onlyDirectories, false);
        this.onlyFiles = this._getValue(this._options.onlyFiles, true);
        this.stats = this._getValue(this._options.stats, false);
        this.suppressErrors = this._getValue(this._options.suppressErrors, false);
        this.throwErrorOnBrokenSymbolicLink = this._getValue(this._options.throwErrorOnBrokenSymbolicLink, false);
        this.unique = this._getValue(this._options.unique, true);
        if (this.onlyDirectories) {
          this.onlyFiles = false;
        }
        if (this.stats) {
          this.objectMode = true;
        }
        this.ignore = [].concat(this.ignore);
      }
      _getValue(option, value) {
        return option === void 0 ? value : option;
      }
      _getFileSystemMethods(methods = {}) {
        return Object.assign(Object.assign({}, exports.DEFAULT_FILE_SYSTEM_ADAPTER), methods);
      }
    };
    exports.default = Settings;
  }
});

// node_modules/fast-glob/out/index.js
var require_out4 = __commonJS({
  "node_modules/fast-glob/out/index.js"(exports, module) {
    "use strict";
    var taskManager = require_tasks();
    var async_1 = require_async6();
    var stream_1 = require_stream4();
    var sync_1 = require_sync6();
    var settings_1 = require_settings4();
    var utils = require_utils3();
    async function FastGlob(source, options) {
      assertPatternsInput(source);
      const works = getWorks(source, async_1.default, options);
      const result = await Promise.all(works);
      return utils.array.flatten(result);
    }
    (function(FastGlob2) {
      FastGlob2.glob = FastGlob2;
      FastGlob2.globSync = sync;
      FastGlob2.globStream = stream;
      FastGlob2.async = FastGlob2;
      function sync(source, options) {
        assertPatternsInput(source);
        const works = getWorks(source, sync_1.default, options);
        return utils.array.flatten(works);
      }
      FastGlob2.sync = sync;
      function stream(source, options) {
        assertPatternsInput(source);
        const works = getWorks(source, stream_1.default, options);
        return utils.stream.merge(works);
      }
      FastGlob2.stream = stream;
      function generateTasks(source, options) {
        assertPatternsInput(source);
        const patterns = [].concat(source);
        const settings = new settings_1.default(options);
        return taskManager.generate(patterns, settings);
      }
      FastGlob2.generateTasks = generateTasks;
      function isDynamicPattern(source, options) {
        assertPatternsInput(source);
        const settings = new settings_1.default(options);
        return utils.pattern.isDynamicPattern(source, settings);
      }
      FastGlob2.isDynamicPattern = isDynamicPattern;
      function escapePath(source) {
        assertPatternsInput(source);
        return utils.path.escape(source);
      }
      FastGlob2.escapePath = escapePath;
      function convertPathToPattern(source) {
        assertPatternsInput(source);
        return utils.path.convertPathToPattern(source);
      }
      FastGlob2.convertPathToPattern = convertPathToPattern;
      let posix;
      (function(posix2) {
        function escapePath2(source) {
          assertPatternsInput(source);
          return utils.path.escapePosixPath(source);
        }
        posix2.escapePath = escapePath2;
        function convertPathToPattern2(source) {
          assertPatternsInput(source);
          return utils.path.convertPosixPathToPattern(source);
        }
        posix2.convertPathToPattern = convertPathToPattern2;
      })(posix = FastGlob2.posix || (FastGlob2.posix = {}));
      let win32;
      (function(win322) {
        function escapePath2(source) {
          assertPatternsInput(source);
          return utils.path.escapeWindowsPath(source);
        }
        win322.escapePath = escapePath2;
        function convertPathToPattern2(source) {
          assertPatternsInput(source);
          return utils.path.convertWindowsPathToPattern(source);
        }
        win322.convertPathToPattern = convertPathToPattern2;
      })(win32 = FastGlob2.win32 || (FastGlob2.win32 = {}));
    })(FastGlob || (FastGlob = {}));
    function getWorks(source, _Provider, options) {
      const patterns = [].concat(source);
      const settings = new settings_1.default(options);
      const tasks = taskManager.generate(patterns, settings);
      const provider = new _Provider(settings);
      return tasks.map(provider.read, provider);
    }
    function assertPatternsInput(input2) {
      const source = [].concat(input2);
      const isValidSource = source.every((item) => utils.string.isString(item) && !utils.string.isEmpty(item));
      if (!isValidSource) {
        throw new TypeError("Patterns must be a string (non empty) or an array of strings");
      }
    }
    module.exports = FastGlob;
  }
});

// src/action/run.ts
import { execFileSync as execFileSync2 } from "node:child_process";
import { gzipSync } from "node:zlib";
import { isAbsolute as isAbsolute2, join as join5, relative as relative3, resolve as resolve4, sep as sep2 } from "node:path";

// src/discover/git.ts
import { execFileSync } from "node:child_process";
function git(cwd, args, maxBuffer = 256 * 1024 * 1024) {
  return execFileSync("git", args, { cwd, encoding: "utf8", maxBuffer, stdio: ["ignore", "pipe", "pipe"] });
}
function gitIndexOf(root) {
  let topLevel;
  try {
    topLevel = git(root, ["rev-parse", "--show-toplevel"]).trim();
  } catch {
    return { isRepo: false, tracked: /* @__PURE__ */ new Set() };
  }
  let listing = "";
  try {
    listing = git(root, ["ls-files", "-z", "--cached"]);
  } catch {
    listing = "";
  }
  const tracked = new Set(listing.split("\0").filter((path) => path.length > 0));
  return { isRepo: true, topLevel, tracked };
}

// src/report/json.ts
var JSON_SCHEMA_VERSION = 1;
function renderJson(result) {
  const report = {
    schemaVersion: JSON_SCHEMA_VERSION,
    tool: { name: "blast-radius", version: result.toolVersion },
    complete: result.complete,
    summary: result.summary,
    findings: result.findings.map((finding) => ({
      ruleId: finding.ruleId,
      severity: finding.severity,
      message: finding.message,
      path: finding.location.path,
      line: finding.location.span.line,
      column: finding.location.span.column,
      endLine: finding.location.span.endLine,
      endColumn: finding.location.span.endColumn,
      ...finding.location.commit ? { commit: finding.location.commit } : {},
      ...finding.snippet ? { snippet: finding.snippet } : {},
      fingerprint: finding.fingerprint,
      details: finding.details,
      ...finding.related?.length ? { related: finding.related.map(({ location, message }) => ({ message, path: location.path, line: location.span.line, column: location.span.column })) } : {},
      ...finding.flow?.length ? { flow: finding.flow.map(({ location, message }) => ({ message, path: location.path, line: location.span.line, column: location.span.column })) } : {},
      ...finding.suppression ? { suppression: finding.suppression } : {}
    })),
    notifications: result.notifications,
    stats: result.stats
  };
  return `${JSON.stringify(report, null, 2)}
`;
}

// src/report/summary-lines.ts
var SCOPE_ORDER = ["root", "root-resource", "scoped", "unknown", "test", "public"];
function summaryRows(summary) {
  const readable = SCOPE_ORDER.filter((scope) => (summary.credentials.agentReadableByScope[scope] ?? 0) > 0).map((scope) => `${summary.credentials.agentReadableByScope[scope]} ${scope}`).join(", ");
  const environments = Object.entries(summary.credentials.byEnvironment).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0).map(([environment, count]) => `${count} ${environment}`).join(", ");
  const stores = summary.productionStores.map((store) => `${store.name} (${store.platform}): ${store.protection}`).join("; ");
  const crossings = summary.crossings.map((crossing) => `${crossing.environment} → ${crossing.resource}`).join("; ");
  const bypasses = summary.agentBypasses.map((bypass) => `${bypass.agent}: ${bypass.setting}${bypass.effective ? "" : " (intent only)"}`).join("; ");
  const chains = summary.chains.map((chain) => `${chain.location.path}:${chain.location.span.line} → ${chain.stores.join(", ")}`).join("; ");
  return [
    { label: "Agent → unrecoverable production data", value: chains || "no complete chain" },
    { label: "Credentials agents can read", value: readable || "none" },
    { label: "Credentials by environment", value: environments || "none" },
    { label: "Production data stores", value: stores || "none declared in the repository" },
    { label: "Non-production paths to production", value: crossings || "none" },
    { label: "Agent permissions without a human", value: bypasses || "none" }
  ];
}

// src/report/markdown.ts
var DEFAULT_MAX_ROWS = 200;
function renderMarkdown(result, options) {
  const out = ["## Blast radius", "", `> ${escapeText(result.summary.headline)}`, "", "| What an agent here could reach | |", "|---|---|"];
  for (const row of summaryRows(result.summary)) out.push(`| ${row.label} | ${cell(row.value)} |`);
  out.push("");
  const active = result.findings.filter((finding) => !finding.suppression);
  const counts = SEVERITIES.map((severity) => `${active.filter((finding) => finding.severity === severity).length} ${severity}`).join(", ");
  out.push(`### Findings: ${active.length}`, "", active.length ? counts : "Nothing found.", "");
  if (active.length) {
    const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
    out.push("| Severity | Rule | Location | Finding |", "|---|---|---|---|");
    const ordered = [...active].sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
    for (const finding of ordered.slice(0, maxRows)) {
      const where = `${finding.location.path}:${finding.location.span.line}${finding.location.commit ? ` @ ${finding.location.commit.slice(0, 12)}` : ""}`;
      out.push(`| ${finding.severity} | \`${finding.ruleId}\` | \`${cell(where)}\` | ${cell(finding.message)} |`);
    }
    if (active.length > maxRows) out.push("", `…and ${active.length - maxRows} more (see the SARIF or JSON report).`);
    out.push("");
  }
  const suppressed = result.findings.length - active.length;
  const problems = result.notifications.filter((notification) => notification.level !== "note");
  const footer = [`${result.stats.filesRead} files scanned`, suppressed ? `${suppressed} suppressed` : "", problems.length ? `${problems.length} scan warnings` : "", result.complete ? "" : "**scan incomplete**"].filter(Boolean).join(" · ");
  out.push(`<sub>blast-radius ${result.toolVersion} · ${footer}</sub>`, "");
  return out.join("\n");
}
function cell(text) {
  return escapeText(text).replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}
function escapeText(text) {
  return text.replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/@(?=\w)/g, "@​");
}

// src/report/sarif.ts
import { pathToFileURL } from "node:url";

// src/rule-docs.ts
var SECURITY_SEVERITY = {
  critical: "9.5",
  high: "8.0",
  medium: "5.5",
  low: "2.0",
  info: void 0
};
function ruleHelpText(rule) {
  return `${rule.why}

Fix: ${rule.fix}${rule.help ? `

${stripMarkdown(rule.help)}` : ""}`;
}
function ruleHelpMarkdown(rule) {
  const parts = [`**${rule.title}** (\`${rule.id}\`, ${rule.severity})`, `**Why it matters.** ${rule.why}`, `**Fix.** ${rule.fix}`];
  if (rule.help) parts.push(rule.help);
  if (rule.helpUri) parts.push(`Reference: ${rule.helpUri}`);
  return parts.join("\n\n");
}
function stripMarkdown(text) {
  return text.replace(/\*\*|`/g, "");
}

// src/report/sarif.ts
var SARIF_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
var MAX_SARIF_RESULTS = 5e3;
var MAX_TAGS = 10;
var SRCROOT = "%SRCROOT%";
var LEVEL = { critical: "error", high: "error", medium: "warning", low: "note", info: "note" };
function buildSarif(result, options) {
  const ruleIndex = new Map(result.rules.map((rule, index) => [rule.id, index]));
  let findings = result.findings.filter((finding) => options.includeSuppressed || !finding.suppression);
  const notifications = [...result.notifications];
  if (findings.length > MAX_SARIF_RESULTS) {
    const dropped = findings.length - MAX_SARIF_RESULTS;
    findings = [...findings].sort((a, b) => severityRank(b.severity) - severityRank(a.severity)).slice(0, MAX_SARIF_RESULTS);
    notifications.push({
      level: "warning",
      code: "sarif-results-cut",
      message: `${dropped} lower-severity results were left out to stay within GitHub's ${MAX_SARIF_RESULTS} shown results; see the JSON report for all.`
    });
  }
  const run2 = {
    tool: {
      driver: {
        name: "blast-radius",
        fullName: "agent-blast-radius",
        version: result.toolVersion,
        semanticVersion: result.toolVersion,
        rules: result.rules.map(ruleDescriptor)
      }
    },
    automationDetails: { id: "blast-radius/" },
    originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(result.root.endsWith("/") ? result.root : `${result.root}/`).href } },
    invocations: [
      {
        executionSuccessful: result.complete,
        toolExecutionNotifications: notifications.map(notificationOf)
      }
    ],
    columnKind: "utf16CodeUnits",
    results: findings.map((finding) => resultOf(finding, ruleIndex)),
    properties: { blastRadius: result.summary }
  };
  return { $schema: SARIF_SCHEMA_URI, version: "2.1.0", runs: [run2] };
}
function renderSarif(result, options) {
  return `${JSON.stringify(buildSarif(result, options), null, 2)}
`;
}
function ruleDescriptor(rule) {
  const tags = ["security", rule.id.slice(0, rule.id.indexOf("/")), ...rule.tags ?? []].filter((tag, index, all) => all.indexOf(tag) === index).slice(0, MAX_TAGS);
  const properties = { tags, precision: rule.precision };
  const securitySeverity = SECURITY_SEVERITY[rule.severity];
  if (securitySeverity) properties["security-severity"] = securitySeverity;
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: truncate(rule.title, 1024) },
    fullDescription: { text: truncate(rule.why, 1024) },
    help: { text: ruleHelpText(rule), markdown: ruleHelpMarkdown(rule) },
    ...rule.helpUri ? { helpUri: rule.helpUri } : {},
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties
  };
}
function resultOf(finding, ruleIndex) {
  const related = finding.related ?? [];
  const sarifResult = {
    ruleId: finding.ruleId,
    level: LEVEL[finding.severity],
    message: { text: messageWithLinks(finding.message, related) },
    locations: [physical(finding.location)],
    partialFingerprints: { [SARIF_FINGERPRINT_KEY]: finding.fingerprint },
    properties: { severity: finding.severity, ...SECURITY_SEVERITY[finding.severity] ? { "security-severity": SECURITY_SEVERITY[finding.severity] } : {}, details: finding.details }
  };
  const index = ruleIndex.get(finding.ruleId);
  if (index !== void 0) sarifResult.ruleIndex = index;
  if (related.length) {
    sarifResult.relatedLocations = related.map((entry, id) => ({ id: id + 1, ...physical(entry.location), message: { text: entry.message } }));
  }
  if (finding.flow?.length) {
    sarifResult.codeFlows = [
      {
        threadFlows: [{ locations: finding.flow.map((step, order) => ({ executionOrder: order + 1, location: { ...physical(step.location), message: { text: step.message } } })) }]
      }
    ];
  }
  if (finding.suppression) {
    sarifResult.suppressions = [{ kind: finding.suppression.kind, status: "accepted", justification: finding.suppression.justification }];
  }
  return sarifResult;
}
function physical(location) {
  const span = location.span;
  const startLine = Math.max(1, span.line);
  const endLine = Math.max(startLine, span.endLine);
  const startColumn = Math.max(1, span.column);
  const endColumn = endLine === startLine ? Math.max(startColumn + 1, span.endColumn) : Math.max(1, span.endColumn);
  const sarifLocation = {
    physicalLocation: {
      artifactLocation: { uri: encodePath(location.path), uriBaseId: SRCROOT },
      region: { startLine, startColumn, endLine, endColumn }
    }
  };
  if (location.commit) sarifLocation.properties = { commit: location.commit };
  return sarifLocation;
}
function messageWithLinks(message, related) {
  if (related.length === 0) return message;
  const links = related.map((entry, index) => `[${escapeBrackets(entry.message)}](${index + 1})`).join(", ");
  return `${message} Related: ${links}.`;
}
function notificationOf(notification) {
  const sarifNotification = {
    level: notification.level === "note" ? "note" : notification.level,
    message: { text: notification.message },
    descriptor: { id: notification.code }
  };
  if (notification.path) {
    sarifNotification.locations = [
      {
        physicalLocation: {
          artifactLocation: { uri: encodePath(notification.path), uriBaseId: SRCROOT },
          ...notification.line ? { region: { startLine: Math.max(1, notification.line) } } : {}
        }
      }
    ];
  }
  return sarifNotification;
}
function encodePath(path) {
  return path.split("/").map(encodeURIComponent).join("/");
}
function escapeBrackets(text) {
  return text.replace(/[[\]]/g, (bracket) => `\\${bracket}`);
}
function pascalCase(id) {
  return id.split(/[^A-Za-z0-9]+/).filter(Boolean).map((part) => part[0].toUpperCase() + part.slice(1)).join("");
}
function truncate(text, max) {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

// src/report/text.ts
var ANSI = { reset: "\x1B[0m", bold: "\x1B[1m", dim: "\x1B[2m", red: "\x1B[31m", yellow: "\x1B[33m", blue: "\x1B[34m", magenta: "\x1B[35m", cyan: "\x1B[36m" };
var SEVERITY_COLOR = { critical: ANSI.magenta, high: ANSI.red, medium: ANSI.yellow, low: ANSI.blue, info: ANSI.dim };
function renderText(result, options) {
  const paint = (code, text) => options.color ? `${code}${text}${ANSI.reset}` : text;
  const out = [];
  out.push(paint(ANSI.bold, `Blast radius: ${result.summary.headline}`));
  const rows = summaryRows(result.summary);
  const width = Math.max(...rows.map((row) => row.label.length));
  for (const row of rows) out.push(`  ${paint(ANSI.dim, row.label.padEnd(width))}  ${row.value}`);
  out.push("");
  const active = result.findings.filter((finding) => !finding.suppression);
  const byFile = /* @__PURE__ */ new Map();
  for (const finding of active) {
    const key = finding.location.commit ? `${finding.location.path} @ ${finding.location.commit.slice(0, 12)}` : finding.location.path;
    const list = byFile.get(key);
    if (list) list.push(finding);
    else byFile.set(key, [finding]);
  }
  for (const [file, findings] of byFile) {
    out.push(paint(ANSI.bold, file));
    for (const finding of findings) {
      const where = `${finding.location.span.line}:${finding.location.span.column}`.padEnd(8);
      const severity = paint(SEVERITY_COLOR[finding.severity], finding.severity.padEnd(8));
      out.push(`  ${where} ${severity} ${finding.message}  ${paint(ANSI.dim, finding.ruleId)}`);
      if (finding.snippet) out.push(`  ${" ".repeat(8)} ${" ".repeat(8)} ${paint(ANSI.dim, finding.snippet.trim())}`);
      for (const related of finding.related ?? []) {
        out.push(`  ${" ".repeat(17)} ${paint(ANSI.dim, `↳ ${related.message} (${related.location.path}:${related.location.span.line})`)}`);
      }
    }
    out.push("");
  }
  const problems = result.notifications.filter((notification) => notification.level !== "note");
  for (const notification of problems) {
    out.push(paint(notification.level === "error" ? ANSI.red : ANSI.yellow, `${notification.level}: ${notification.message}`));
  }
  const notes = result.notifications.length - problems.length;
  if (problems.length > 0) out.push("");
  const counts = SEVERITIES.map((severity) => [severity, active.filter((finding) => finding.severity === severity).length]).filter(([, count]) => count > 0).map(([severity, count]) => `${count} ${severity}`);
  const suppressed = result.findings.length - active.length;
  const seconds = (result.stats.durationMs / 1e3).toFixed(2);
  const tail = [
    `${active.length} finding${active.length === 1 ? "" : "s"}${counts.length ? ` (${counts.join(", ")})` : ""}`,
    suppressed ? `${suppressed} suppressed` : "",
    `${result.stats.filesRead} file${result.stats.filesRead === 1 ? "" : "s"} scanned in ${seconds}s`,
    notes ? `${notes} note${notes === 1 ? "" : "s"} (see --format json)` : "",
    result.complete ? "" : "scan incomplete"
  ].filter(Boolean);
  out.push(paint(active.length > 0 ? ANSI.bold : ANSI.dim, tail.join(" · ")));
  return `${out.join("\n")}
`;
}

// src/report/index.ts
function render(format, result, options) {
  switch (format) {
    case "text":
      return renderText(result, options);
    case "json":
      return renderJson(result);
    case "sarif":
      return renderSarif(result, options);
    case "markdown":
      return renderMarkdown(result, options);
  }
}

// src/discover/target.ts
import { realpathSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
var TargetError = class extends Error {
};
function resolveTarget(path) {
  const absolute = resolve(path);
  let stats;
  try {
    stats = statSync(absolute);
  } catch {
    throw new TargetError(`path does not exist: ${path}`);
  }
  if (stats.isDirectory()) return { root: realpathSync(absolute) };
  if (!stats.isFile()) throw new TargetError(`not a directory or a regular file: ${path}`);
  const real = realpathSync(absolute);
  const directory = dirname(real);
  let root = directory;
  try {
    root = realpathSync(git(directory, ["rev-parse", "--show-toplevel"]).trim());
  } catch {
  }
  return { root, file: relative(root, real).split(sep).join("/") };
}
function namedFile(root, path, gitIndex) {
  const tracked = gitIndex.tracked.has(path);
  let gitIgnored = false;
  if (gitIndex.isRepo && !tracked) {
    try {
      git(root, ["check-ignore", "-q", "--", path]);
      gitIgnored = true;
    } catch {
    }
  }
  return { path, absolutePath: join(root, path), tracked, gitIgnored };
}

// src/parallel-stage.ts
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
var MIN_PARALLEL = { twoThreads: { bytes: 40 * 1024 * 1024, files: 8e3 }, more: { bytes: 40 * 1024 * 1024, files: 6e3 } };
var MIN_PARALLEL_FILES = 200;
function thresholds(threads) {
  return threads <= 2 ? MIN_PARALLEL.twoThreads : MIN_PARALLEL.more;
}
var BATCH_FILES = 32;
var MAX_THREADS = 4;
var WORKER_SCRIPT = fileURLToPath(new URL("./scan-worker.js", import.meta.url));
function worthStartingEarly(trackedFiles, env = process.env) {
  const threads = maxThreads(env);
  if (env.BLAST_RADIUS_WORKERS) return threads > 1;
  return threads > 1 && trackedFiles >= thresholds(threads).files;
}
function maxThreads(env = process.env) {
  if (!existsSync(WORKER_SCRIPT)) return 1;
  const forced = env.BLAST_RADIUS_WORKERS;
  if (forced !== void 0 && forced !== "") {
    const count = Number(forced);
    return Number.isInteger(count) && count > 1 ? Math.min(count, 16) : 1;
  }
  return Math.max(1, Math.min(availableParallelism(), MAX_THREADS));
}
function threadCount(files, env = process.env) {
  const threads = maxThreads(env);
  if (threads < 2) return 1;
  if (env.BLAST_RADIUS_WORKERS) return threads;
  if (files.length < MIN_PARALLEL_FILES) return 1;
  const minimum = thresholds(threads);
  let bytes = 0;
  for (const file of files) {
    const size = file.content !== void 0 ? file.content.length : file.size;
    if (size === void 0) return files.length >= minimum.files ? threads : 1;
    bytes += size;
  }
  return bytes < minimum.bytes ? 1 : threads;
}
var StageWorkers = class _StageWorkers {
  constructor(workers, ready) {
    this.workers = workers;
    this.ready = ready;
  }
  workers;
  ready;
  static start(count, settings) {
    const workers = Array.from({ length: count }, () => new Worker(WORKER_SCRIPT, { workerData: { settings } }));
    const ready = workers.map(
      (worker) => new Promise((resolve5, reject) => {
        worker.once("message", () => resolve5());
        worker.once("error", reject);
      })
    );
    for (const promise of ready) promise.catch(() => void 0);
    return new _StageWorkers(workers, ready);
  }
  async stop() {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
};
async function runInThreads(files, pool, local) {
  const batches = [];
  for (let start = 0; start < files.length; start += BATCH_FILES) batches.push(files.slice(start, start + BATCH_FILES));
  const run2 = threadedRun(batches);
  const outputs = new Array(batches.length);
  const failures = [];
  let workerBatches = 0;
  const finished = pool.workers.map(
    (worker, index) => new Promise((resolve5) => {
      let stopped = false;
      const fail = (reason) => {
        if (stopped) return;
        stopped = true;
        failures.push(reason);
        resolve5();
      };
      worker.on("message", (message) => {
        if (message.done) {
          stopped = true;
          resolve5();
          return;
        }
        if (!message.output || message.batch === void 0) return;
        outputs[message.batch] = message.output;
        workerBatches++;
      });
      worker.on("error", (error) => fail(error instanceof Error ? error.message : String(error)));
      worker.on("exit", (code) => fail(`exited with code ${code}`));
      pool.ready[index].then(
        () => worker.postMessage(run2),
        (error) => fail(`could not start: ${error instanceof Error ? error.message : String(error)}`)
      );
    })
  );
  for (let batch = claimBatch(run2); batch !== -1; batch = claimBatch(run2)) {
    outputs[batch] = local.run(batches[batch]);
    await new Promise((resolve5) => setImmediate(resolve5));
  }
  await Promise.all(finished);
  for (const [batch, output] of outputs.entries()) if (output === void 0) outputs[batch] = local.run(batches[batch]);
  if (failures.length > 0) {
    outputs[0].notifications.push({
      level: "warning",
      code: "worker-failed",
      message: `A scan worker thread failed (${failures.join("; ")}); the files it held were scanned in the main thread.`
    });
  }
  return { outputs, workerBatches, batches: batches.length };
}

// src/discover/walk.ts
var import_fast_glob = __toESM(require_out4(), 1);
var import_ignore = __toESM(require_ignore(), 1);
import { existsSync as existsSync2, readdirSync, readFileSync } from "node:fs";
import { relative as relative2 } from "node:path";
import { join as join2 } from "node:path";
var DEFAULT_EXCLUDED_DIRECTORIES = [
  ".git",
  "node_modules",
  "bower_components",
  "jspm_packages",
  "vendor",
  "third_party",
  ".venv",
  "venv",
  // Installed Python packages, wherever a virtualenv or a packaging step put them: third-party code.
  "site-packages",
  "dist-packages",
  "__pypackages__",
  // Ansible collections installed into the repository (`ansible-galaxy collection install -p collections`): other
  // vendors' modules, roles and example playbooks. A collection's own repository has its code at the root instead.
  "ansible_collections",
  ".direnv",
  "__pycache__",
  ".tox",
  ".mypy_cache",
  ".pytest_cache",
  ".terraform",
  ".next",
  ".nuxt",
  ".svelte-kit",
  ".turbo",
  ".parcel-cache",
  ".gradle",
  "dist",
  "build",
  "out",
  "target",
  "coverage",
  ".yarn",
  ".pnpm-store",
  "Pods",
  // quilt's copies of files as they were before each patch (Debian source packages): the tree holds them already.
  ".pc"
];
var DEFAULT_EXCLUDED_FILES = [
  "package-lock.json",
  "npm-shrinkwrap.json",
  "yarn.lock",
  "pnpm-lock.yaml",
  "bun.lockb",
  "Cargo.lock",
  "Gemfile.lock",
  "poetry.lock",
  "Pipfile.lock",
  "composer.lock",
  "go.sum",
  "uv.lock",
  "flake.lock",
  "packages.lock.json",
  "mix.lock",
  "pubspec.lock",
  "Podfile.lock"
];
var EXCLUDED_FILE_NAMES = new Set(DEFAULT_EXCLUDED_FILES);
var BINARY_EXTENSIONS = new Set(
  "png jpg jpeg gif bmp ico icns webp avif tiff psd svgz pdf zip gz tgz bz2 xz 7z rar jar war ear class dll exe so dylib o a lib bin wasm woff woff2 ttf otf eot mp3 mp4 m4a mov avi mkv webm wav flac ogg pyc pyo whl egg db sqlite sqlite3 parquet onnx pt pth ckpt safetensors h5 npy npz pkl dmg iso img deb rpm apk ipa keystore jks min.js min.css map".split(" ")
);
function discover(options) {
  const { root } = options;
  const notifications = [];
  const blastIgnore = readIgnoreFile(join2(root, ".blast-radiusignore"), notifications);
  const userPatterns = blastIgnore !== void 0 || options.ignorePaths.length > 0 ? (0, import_ignore.default)().add(blastIgnore ?? "").add([...options.ignorePaths]) : void 0;
  const excluded = { ignores: (path) => EXCLUDED_FILE_NAMES.has(path.slice(path.lastIndexOf("/") + 1)) || (userPatterns?.ignores(path) ?? false) };
  const unreadableDirectories = [];
  const unmatchable = [];
  const virtualenvs = [];
  const skippedDirectories = [];
  const recordingReaddirSync = ((path, options2) => {
    try {
      const listing = readdirSync(path, options2);
      if (path !== root && listing.some((entry) => entry.name === "pyvenv.cfg" && entry.isFile())) {
        virtualenvs.push(relative2(root, path));
        return [];
      }
      const prefix = path === root ? "" : `${relative2(root, path)}/`;
      const kept = withoutExcludedDirectories(listing, prefix, skippedDirectories);
      for (const entry of kept) if (LINE_TERMINATOR.test(entry.name) || LINE_TERMINATOR.test(prefix)) unmatchable.push({ name: entry.name, path: `${prefix}${entry.name}`, dirent: entry });
      return kept;
    } catch (error) {
      unreadableDirectories.push(`${relative2(root, path) || "."} (${error.code ?? String(error)})`);
      return [];
    }
  });
  let entries;
  try {
    entries = import_fast_glob.default.sync("**", {
      cwd: root,
      dot: true,
      // Directories and symbolic links come back too (their dirent says which), so that links (never followed)
      // can be counted rather than silently dropped. No stats: the dirent's type is enough to walk, and only the
      // files kept are stat'ed, below.
      onlyFiles: false,
      objectMode: true,
      followSymbolicLinks: false,
      // One pattern over one tree cannot list an entry twice: no duplicate check per entry.
      unique: false,
      suppressErrors: true,
      fs: { readdirSync: recordingReaddirSync }
    });
  } catch (error) {
    notifications.push({ level: "error", code: "discovery-failed", message: `Could not list files under the root: ${String(error)}` });
    entries = [];
  }
  if (unmatchable.length > 0) entries = [...entries, ...unmatchable];
  if (virtualenvs.length > 0) {
    notifications.push({
      level: "note",
      code: "virtualenv-skipped",
      message: `${virtualenvs.length} Python virtualenv${virtualenvs.length === 1 ? "" : "s"} not scanned (installed packages): ${virtualenvs.slice(0, 3).join(", ")}${virtualenvs.length > 3 ? ", ..." : ""}.`
    });
  }
  if (skippedDirectories.length > 0) notifications.push(skippedDirectoriesNote(skippedDirectories));
  for (const directory of unreadableDirectories) {
    notifications.push({ level: "warning", code: "unreadable", message: `Could not read directory ${directory}; its files were not scanned.`, path: directory.replace(/ \(.*\)$/, "") });
  }
  const gitignore = new GitignoreStack(root, entries, notifications);
  const rootPrefix = root.endsWith("/") ? root : `${root}/`;
  const files = [];
  let symlinks = 0;
  const specialFiles = [];
  const ignoredAgentSettings = [];
  let ignoredFiles = 0;
  let skippedBinaryByName = 0;
  for (const entry of entries) {
    const path = entry.path;
    if (entry.dirent.isDirectory()) continue;
    if (entry.dirent.isSymbolicLink()) {
      symlinks++;
      continue;
    }
    if (!entry.dirent.isFile()) {
      if (!excluded.ignores(path)) specialFiles.push(path);
      continue;
    }
    if (excluded.ignores(path)) continue;
    if (isBinaryByName(path)) {
      skippedBinaryByName++;
      continue;
    }
    const tracked = options.tracked.has(path);
    const gitIgnored = !tracked && gitignore.ignores(path);
    if (gitIgnored && !options.includeIgnored && formatOf(path) !== "dotenv") {
      if (LOCAL_AGENT_SETTINGS.test(path)) ignoredAgentSettings.push(path);
      else ignoredFiles++;
      continue;
    }
    files.push({ path, absolutePath: `${rootPrefix}${path}`, tracked, gitIgnored });
  }
  files.sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  if (ignoredAgentSettings.length > 0) {
    notifications.push({
      level: "note",
      code: "ignored-agent-settings",
      message: `${ignoredAgentSettings.slice(0, 3).join(", ")}${ignoredAgentSettings.length > 3 ? ` and ${ignoredAgentSettings.length - 3} more` : ""}: git-ignored agent settings, which the agent on this machine applies; not read (--include-ignored reads them).`
    });
  }
  if (ignoredFiles > 0) {
    notifications.push({
      level: "note",
      code: "ignored-files-skipped",
      message: `${ignoredFiles} git-ignored file${ignoredFiles === 1 ? "" : "s"} not scanned (build output, local state); --include-ignored scans them, as an agent on a developer's machine would read them.`
    });
  }
  if (symlinks > 0) {
    notifications.push({
      level: "note",
      code: "symlink-skipped",
      message: `${symlinks} symbolic link${symlinks === 1 ? "" : "s"} not followed (their targets inside the root are scanned as themselves).`
    });
  }
  if (specialFiles.length > 0) {
    notifications.push({
      level: "note",
      code: "special-file-skipped",
      message: `${specialFiles.length} special file${specialFiles.length === 1 ? "" : "s"} (FIFOs, sockets, devices) not read: ${specialFiles.slice(0, 3).join(", ")}${specialFiles.length > 3 ? ", ..." : ""}.`
    });
  }
  return { files, notifications, skippedBinaryByName };
}
var EXCLUDED_DIRECTORY_NAMES = new Set(DEFAULT_EXCLUDED_DIRECTORIES);
var LOCAL_AGENT_SETTINGS = /(^|\/)\.claude\/settings\.local\.json$|(^|\/)\.gemini\/settings\.json$|(^|\/)\.cursor\/(?:cli|permissions|mcp)\.json$|(^|\/)\.mcp\.json$|(^|\/)\.codex\/config\.toml$/;
var LINE_TERMINATOR = /[\n\r\u2028\u2029]/;
function withoutExcludedDirectories(entries, prefix, skipped) {
  let kept;
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index];
    if (EXCLUDED_DIRECTORY_NAMES.has(entry.name) && entry.isDirectory()) {
      if (entry.name !== ".git") skipped.push(`${prefix}${entry.name}`);
      kept ??= entries.slice(0, index);
    } else if (kept) {
      kept.push(entry);
    }
  }
  return kept ?? entries;
}
function skippedDirectoriesNote(paths) {
  const byName = /* @__PURE__ */ new Map();
  for (const path of paths) {
    const name = path.slice(path.lastIndexOf("/") + 1);
    byName.set(name, (byName.get(name) ?? 0) + 1);
  }
  const names = [...byName].sort(([a], [b]) => a < b ? -1 : 1).map(([name, count]) => count === 1 ? `${name}/` : `${name}/ (${count})`).join(", ");
  const sorted = [...paths].sort();
  return {
    level: "note",
    code: "directories-skipped",
    message: `${paths.length} director${paths.length === 1 ? "y" : "ies"} not scanned by default as dependencies, build output or caches: ${names}; for example ${sorted.slice(0, 3).join(", ")}${sorted.length > 3 ? ", ..." : ""}.`
  };
}
function isBinaryByName(path) {
  const name = path.slice(path.lastIndexOf("/") + 1).toLowerCase();
  const dot = name.indexOf(".");
  if (dot < 0) return false;
  const last = name.slice(name.lastIndexOf(".") + 1);
  if (BINARY_EXTENSIONS.has(last)) return true;
  const secondLast = name.slice(0, name.lastIndexOf("."));
  const double = secondLast.slice(secondLast.lastIndexOf(".") + 1) + "." + last;
  return BINARY_EXTENSIONS.has(double);
}
function readIgnoreFile(path, notifications) {
  if (!existsSync2(path)) return void 0;
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    notifications.push({ level: "warning", code: "unreadable", message: `Could not read ${path}: ${String(error)}` });
    return void 0;
  }
}
var HAS_PATTERN = /^(?:[^#\s]|[ \t]+\S)/m;
var GitignoreStack = class {
  byDirectory = /* @__PURE__ */ new Map();
  constructor(root, entries, notifications) {
    const exclude = readIgnoreFile(join2(root, ".git", "info", "exclude"), notifications);
    if (exclude && HAS_PATTERN.test(exclude)) this.byDirectory.set("", (0, import_ignore.default)().add(exclude));
    for (const entry of entries) {
      if (!entry.path.endsWith(".gitignore") || entry.name !== ".gitignore") continue;
      const directory = entry.path.slice(0, -".gitignore".length).replace(/\/$/, "");
      const content = readIgnoreFile(join2(root, entry.path), notifications);
      if (content === void 0 || !HAS_PATTERN.test(content)) continue;
      const rules = this.byDirectory.get(directory) ?? (0, import_ignore.default)();
      rules.add(content);
      this.byDirectory.set(directory, rules);
    }
  }
  ignores(path) {
    if (this.byDirectory.size === 0) return false;
    let ignored = false;
    for (let slash = -1; ; ) {
      const rules = this.byDirectory.get(slash === -1 ? "" : path.slice(0, slash));
      if (rules) {
        const verdict = rules.test(path.slice(slash + 1));
        if (verdict.ignored) ignored = true;
        else if (verdict.unignored) ignored = false;
      }
      slash = path.indexOf("/", slash + 1);
      if (slash === -1) return ignored;
    }
  }
};

// src/fact-store.ts
var FactStore = class {
  byKind = /* @__PURE__ */ new Map();
  add(kind, fact) {
    const list = this.byKind.get(kind);
    if (list) list.push(fact);
    else this.byKind.set(kind, [fact]);
  }
  all(kind) {
    return this.byKind.get(kind) ?? [];
  }
  /** Replaces matching facts with patched copies, so a reader never sees a half-updated fact. */
  enrich(kind, predicate, patch) {
    this.enrichEach(kind, (fact) => predicate(fact) ? patch : void 0);
  }
  /** Replaces each fact `patchOf` gives a patch for with a patched copy, in one pass. */
  enrichEach(kind, patchOf) {
    const list = this.byKind.get(kind);
    if (!list) return;
    for (let i = 0; i < list.length; i++) {
      const fact = list[i];
      const patch = patchOf(fact);
      if (patch) list[i] = { ...fact, ...patch };
    }
  }
};

// src/snippet-secrets.ts
var REACH = 400;
var SnippetSecrets = class {
  byLine = /* @__PURE__ */ new Map();
  constructor(credentials) {
    for (const credential of credentials) {
      if (credential.value.length < 4) continue;
      const { path, span } = credential.location;
      const key = `${path}\0${span.line}`;
      const placed = this.byLine.get(key);
      if (placed) placed.push({ column: span.column, value: credential.value });
      else this.byLine.set(key, [{ column: span.column, value: credential.value }]);
    }
    for (const placed of this.byLine.values()) placed.sort((a, b) => a.column - b.column);
  }
  /**
   * The snippet with every credential on the finding's lines near its column redacted, longest first (a shorter
   * value inside a longer one would otherwise break it). A minified line holding thousands is searched by column.
   */
  redact(snippet, location) {
    const near = [];
    for (let line = location.span.line; line <= location.span.endLine; line++) {
      const placed = this.byLine.get(`${location.path}\0${line}`);
      if (!placed) continue;
      const column = line === location.span.line ? location.span.column : 1;
      for (let index = lowerBound(placed, column - REACH); index < placed.length && placed[index].column <= column + REACH; index++) near.push(placed[index].value);
    }
    let shown = snippet;
    for (const value of [...new Set(near)].sort((a, b) => b.length - a.length)) if (shown.includes(value)) shown = redactIn(shown, value);
    return shown;
  }
};
function lowerBound(placed, column) {
  let low = 0;
  let high = placed.length;
  while (low < high) {
    const middle = low + high >> 1;
    if (placed[middle].column < column) low = middle + 1;
    else high = middle;
  }
  return low;
}

// src/summary.ts
var CHAIN_PREFIX = "blast-radius/";
var SURVIVING_PROTECTION = /* @__PURE__ */ new Set(["off-provider", "other-account", "recorded-outside-repo"]);
function buildSummary(facts, findings) {
  const byValue = /* @__PURE__ */ new Map();
  for (const credential of facts.all("credential")) {
    if (credential.inIgnoredDotenv && credential.scope === void 0 || credential.companionHalf) continue;
    const copies = byValue.get(credential.valueHash);
    if (copies) copies.push(credential);
    else byValue.set(credential.valueHash, [credential]);
  }
  const agentReadableByScope = {};
  const byEnvironment = {};
  for (const copies of byValue.values()) {
    const readable = copies.filter((copy) => copy.agentReadable !== false);
    if (readable.length > 0) {
      const scope = broadest(readable.map((copy) => copy.scope ?? "unknown"));
      agentReadableByScope[scope] = (agentReadableByScope[scope] ?? 0) + 1;
    }
    const environment = copies[0].environment ?? "unknown";
    byEnvironment[environment] = (byEnvironment[environment] ?? 0) + 1;
  }
  const productionStores = facts.all("data-store").filter((store) => !store.sameAs && (store.production ?? (!store.testOnly && (store.environment === void 0 || store.environment === "production")))).map((store) => ({
    name: store.name,
    platform: store.platform,
    protection: store.externalBackup ? "recorded-outside-repo" : store.protection ?? "none",
    location: store.location
  }));
  const seenCrossings = /* @__PURE__ */ new Set();
  const crossings = facts.all("environment-crossing").filter((crossing) => {
    const key = `${crossing.environment}\0${crossing.resource}`;
    if (seenCrossings.has(key)) return false;
    seenCrossings.add(key);
    return true;
  }).map((crossing) => ({ environment: crossing.environment, resource: crossing.resource, location: crossing.location }));
  const agentBypasses = [...facts.all("agent-grant")].filter((grant) => grant.grant !== "file-read").sort((a, b) => a.location.path < b.location.path ? -1 : a.location.path > b.location.path ? 1 : a.location.span.line - b.location.span.line).map((grant) => ({
    agent: grant.agent,
    setting: grant.setting,
    effective: grant.effective,
    location: grant.location
  }));
  const active = findings.filter((finding) => !finding.suppression);
  const chains = active.filter((finding) => finding.ruleId.startsWith(CHAIN_PREFIX) && finding.details.survives !== true).map((finding) => ({ message: finding.message, location: finding.location, stores: finding.details.stores ?? [] }));
  const reachable = Object.values(agentReadableByScope).reduce((sum, count) => sum + (count ?? 0), 0);
  const rootReachable = (agentReadableByScope.root ?? 0) + (agentReadableByScope["root-resource"] ?? 0);
  const unprotected = productionStores.filter((store) => !SURVIVING_PROTECTION.has(store.protection)).length;
  const bypasses = agentBypasses.filter((bypass) => bypass.effective).length;
  const headline = `${chains.length} path${chains.length === 1 ? "" : "s"} from an agent to production data that would not survive; ${reachable} credential${reachable === 1 ? "" : "s"} readable by agents (${rootReachable} root-scoped); ${crossings.length} non-production path${crossings.length === 1 ? "" : "s"} to production; ${unprotected} of ${productionStores.length} production store${productionStores.length === 1 ? "" : "s"} without off-provider backup; ${bypasses} agent permission${bypasses === 1 ? "" : "s"} bypassing a human; ${active.length} finding${active.length === 1 ? "" : "s"}.`;
  return {
    credentials: { total: byValue.size, agentReadableByScope, byEnvironment },
    productionStores,
    crossings,
    agentBypasses,
    chains,
    headline
  };
}
var SCOPE_ORDER2 = ["root", "root-resource", "scoped", "unknown", "public", "test"];
function broadest(scopes) {
  return [...scopes].sort((a, b) => rank(a) - rank(b))[0];
}
function rank(scope) {
  const index = SCOPE_ORDER2.indexOf(scope);
  return index === -1 ? SCOPE_ORDER2.length : index;
}

// src/detector-order.ts
function orderByFacts(detectors) {
  const ordered = [];
  const placed = /* @__PURE__ */ new Set();
  const visiting = /* @__PURE__ */ new Set();
  const visit = (detector) => {
    if (placed.has(detector)) return;
    if (visiting.has(detector)) throw new Error(`Detectors form a fact cycle through ${detector.id}`);
    visiting.add(detector);
    for (const kind of detector.consumes ?? []) {
      const enriches = detector.produces?.includes(kind) ?? false;
      for (const producer of detectors) {
        if (producer === detector || !producer.produces?.includes(kind)) continue;
        const producerEnriches = producer.consumes?.includes(kind) ?? false;
        if (enriches && producerEnriches && detectors.indexOf(producer) > detectors.indexOf(detector)) continue;
        visit(producer);
      }
    }
    visiting.delete(detector);
    placed.add(detector);
    ordered.push(detector);
  };
  detectors.forEach(visit);
  return ordered;
}

// src/version.ts
import { readFileSync as readFileSync2 } from "node:fs";
function packageVersion() {
  for (const candidate of ["../package.json", "../../package.json"]) {
    try {
      const pkg = JSON.parse(readFileSync2(new URL(candidate, import.meta.url), "utf8"));
      if (pkg.name === "agent-blast-radius" && pkg.version) return pkg.version;
    } catch {
    }
  }
  return "0.0.0";
}
var TOOL_VERSION = packageVersion();

// src/scan.ts
var DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;
var UsageError = class extends Error {
};
function targetOf(path) {
  try {
    return resolveTarget(path);
  } catch (error) {
    throw error instanceof TargetError ? new UsageError(error.message) : error;
  }
}
async function scan(options) {
  const started = performance.now();
  const target = targetOf(options.root);
  const root = target.root;
  const detectors = options.detectors ?? (await import("./detectors-VU22B5ML.js")).detectors;
  const config = options.config ?? loadConfig(root, options.configPath);
  const baseline = typeof options.baseline === "string" ? loadBaseline(options.baseline) : options.baseline ?? /* @__PURE__ */ new Set();
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const gitIndex = gitIndexOf(root);
  const notifications = [];
  const stats = {
    filesDiscovered: 0,
    filesRead: 0,
    bytesRead: 0,
    skippedBinary: 0,
    skippedTooLarge: 0,
    skippedUnreadable: 0,
    durationMs: 0
  };
  const profile = /* @__PURE__ */ new Map();
  const time = (key, work) => {
    if (!options.profile) return work();
    const start = performance.now();
    try {
      return work();
    } finally {
      profile.set(key, (profile.get(key) ?? 0) + performance.now() - start);
    }
  };
  const settings = { maxFileSize, exhaustive: options.exhaustive ?? false, profile: options.profile ?? false };
  const earlyThreads = !options.files && !options.detectors && worthStartingEarly(gitIndex.tracked.size) ? maxThreads() : 1;
  let pool = earlyThreads > 1 ? StageWorkers.start(earlyThreads - 1, settings) : void 0;
  let outputs;
  try {
    let files;
    if (options.files) {
      files = options.files;
    } else if (target.file !== void 0) {
      files = [namedFile(root, target.file, gitIndex)];
    } else {
      const discovery = time("discover", () => discover({ root, includeIgnored: options.includeIgnored ?? false, ignorePaths: config.ignorePaths, tracked: gitIndex.tracked }));
      files = discovery.files;
      notifications.push(...discovery.notifications);
      stats.skippedBinary += discovery.skippedBinaryByName;
    }
    stats.filesDiscovered = files.length;
    const threads = options.detectors ? 1 : threadCount(files);
    if (threads < 2 && pool) {
      await pool.stop();
      pool = void 0;
    }
    if (threads > 1 && !pool) pool = StageWorkers.start(threads - 1, settings);
    const stage = await FileStage.create(detectors, settings, files);
    if (pool) {
      const threaded = await runInThreads(files, pool, stage);
      outputs = threaded.outputs;
      if (options.profile) profile.set(`per-file stage in ${pool.workers.length + 1} threads, ${threaded.workerBatches} of ${threaded.batches} batches in workers (wall)`, performance.now() - started);
    } else {
      outputs = [stage.run(files)];
    }
  } finally {
    await pool?.stop();
  }
  const facts = new FactStore();
  const inputs = [];
  const markersByPath = /* @__PURE__ */ new Map();
  for (const output of outputs) {
    inputs.push(...output.reports);
    for (const { kind, fact } of output.facts) facts.add(kind, fact);
    notifications.push(...output.notifications);
    for (const { path, markers } of output.markers) markersByPath.set(path, new Map(markers));
    stats.filesRead += output.counters.filesRead;
    stats.bytesRead += output.counters.bytesRead;
    stats.skippedBinary += output.counters.skippedBinary;
    stats.skippedTooLarge += output.counters.skippedTooLarge;
    stats.skippedUnreadable += output.counters.skippedUnreadable;
    for (const [key, ms] of output.profile) profile.set(key, (profile.get(key) ?? 0) + ms);
  }
  const emitterFor = (detector) => ({
    report: (input2) => inputs.push({ input: input2, detector: detector.id }),
    publish: (kind, fact) => facts.add(kind, fact),
    notify: (notification) => notifications.push({ ...notification })
  });
  for (const detector of orderByFacts(detectors)) {
    if (!detector.finish) continue;
    const context = {
      ...emitterFor(detector),
      facts,
      config,
      enrich: (kind, predicate, patch) => facts.enrich(kind, predicate, patch),
      enrichEach: (kind, patchOf) => facts.enrichEach(kind, patchOf),
      root,
      git: { isRepo: gitIndex.isRepo, topLevel: gitIndex.topLevel }
    };
    try {
      time(`${detector.id} finish`, () => detector.finish(context));
    } catch (error) {
      notifications.push(detectorFailure(detector, error));
    }
  }
  options.onFacts?.(facts);
  const rules = detectors.flatMap((detector) => detector.rules).filter((rule) => !config.disabledRules.some((pattern) => ruleMatches(pattern, rule.id)));
  const findings = finalize(inputs, rules, config, markersByPath, baseline, notifications, new SnippetSecrets(facts.all("credential")));
  const reported = options.reportOnly ? findings.filter(options.reportOnly) : findings;
  stats.durationMs = Math.round(performance.now() - started);
  if (options.profile) {
    stats.profile = [...profile.entries()].map(([key, ms]) => ({ key, ms: Math.round(ms * 10) / 10 })).sort((a, b) => b.ms - a.ms);
  }
  return {
    root,
    toolVersion: TOOL_VERSION,
    rules,
    findings: reported,
    notifications: sortNotifications(notifications),
    summary: buildSummary(facts, reported),
    stats,
    complete: !notifications.some((notification) => notification.code === "discovery-failed")
  };
}
function finalize(inputs, rules, config, markersByPath, baseline, notifications, secrets) {
  const ruleById = new Map(rules.map((rule) => [rule.id, rule]));
  const allowed = new Set(config.allowedValues);
  const seen = /* @__PURE__ */ new Set();
  const findings = [];
  const unknownRules = /* @__PURE__ */ new Set();
  for (const { input: input2, detector } of inputs) {
    const rule = ruleById.get(input2.ruleId);
    if (!rule) {
      if (!config.disabledRules.some((pattern) => ruleMatches(pattern, input2.ruleId))) unknownRules.add(`${detector}: ${input2.ruleId}`);
      continue;
    }
    if (allowed.has(input2.evidence)) continue;
    const override = config.severityOverrides.find((candidate) => ruleMatches(candidate.rule, input2.ruleId));
    const { evidence, ...rest } = input2;
    const finding = {
      ...rest,
      ...input2.snippet ? { snippet: secrets.redact(input2.snippet, input2.location) } : {},
      severity: override?.severity ?? input2.severity ?? rule.severity,
      fingerprint: fingerprintOf(input2.ruleId, input2.location.path, evidence),
      details: input2.details ?? {}
    };
    const key = `${finding.fingerprint}:${finding.location.path}:${finding.location.span.line}:${finding.location.span.column}:${finding.location.commit ?? ""}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const marker = input2.location.commit ? void 0 : inlineSuppressionFor(markersByPath.get(input2.location.path), input2.location.span.line, input2.ruleId);
    if (marker) finding.suppression = { kind: "inSource", justification: marker.reason };
    else if (baseline.has(finding.fingerprint)) finding.suppression = { kind: "external", justification: "in baseline" };
    findings.push(finding);
  }
  for (const unknown of unknownRules) {
    notifications.push({ level: "error", code: "undeclared-rule", message: `Detector reported a rule it does not declare (${unknown}).` });
  }
  return findings.sort(compareFindings);
}
function compareFindings(a, b) {
  return compare(a.location.path, b.location.path) || a.location.span.line - b.location.span.line || a.location.span.column - b.location.span.column || compare(a.location.commit ?? "", b.location.commit ?? "") || compare(a.ruleId, b.ruleId) || severityRank(b.severity) - severityRank(a.severity) || compare(a.fingerprint, b.fingerprint);
}
function compare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function sortNotifications(notifications) {
  return notifications.map((notification, index) => ({ notification, index })).sort((a, b) => compare(a.notification.path ?? "", b.notification.path ?? "") || (a.notification.line ?? 0) - (b.notification.line ?? 0) || a.index - b.index).map(({ notification }) => notification);
}

// src/discover/diff.ts
import { spawn } from "node:child_process";
import { StringDecoder } from "node:string_decoder";
var COMMIT_MARKER = "";
var PatchParser = class {
  constructor(events) {
    this.events = events;
  }
  events;
  state = "between";
  /** Number of prefix columns: 1 for a normal diff, the parent count for a combined one. */
  columns = 1;
  newLine = 0;
  path;
  blob;
  pathSeen = false;
  push(raw) {
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (this.state === "hunk" && this.content(line)) return;
    if (line.startsWith(COMMIT_MARKER)) {
      this.state = "between";
      this.events.commit?.(line.slice(1));
      return;
    }
    if (line.startsWith("diff --git ") || line.startsWith("diff --cc ") || line.startsWith("diff --combined ")) {
      this.state = "header";
      this.columns = line.startsWith("diff --git ") ? 1 : 0;
      const rest = line.slice(line.indexOf(" ", 5) + 1);
      this.path = this.columns === 1 ? samePath(rest) : unquotePath(rest);
      this.blob = void 0;
      this.pathSeen = false;
      return;
    }
    if (this.state === "between") return;
    if (line.startsWith("@@")) {
      const at = /^(@+) /.exec(line);
      const columns = at ? at[1].length - 1 : 1;
      const target = new RegExp(`^${"@".repeat(columns + 1)}(?: -\\d+(?:,\\d+)?){${columns}} \\+(\\d+)(?:,(\\d+))? ${"@".repeat(columns + 1)}`).exec(line);
      if (!target) {
        this.state = "between";
        return;
      }
      if (!this.pathSeen) this.announce(false);
      this.columns = columns;
      this.state = "hunk";
      const start = Number(target[1]);
      const count = target[2] === void 0 ? 1 : Number(target[2]);
      this.newLine = start;
      this.events.hunk?.(start, count);
      return;
    }
    if (this.state === "header") {
      if (line.startsWith("+++ ")) {
        this.path = line === "+++ /dev/null" ? void 0 : stripPrefix(unquotePath(line.slice(4)), "b/");
        this.announce(false);
      } else if (line.startsWith("Binary files ") || line === "GIT binary patch") {
        this.announce(true);
      } else if (line.startsWith("index ")) {
        this.blob = /\.\.([0-9a-f]+)/.exec(line)?.[1];
      } else if (line.startsWith("rename to ") || line.startsWith("copy to ")) {
        this.path = unquotePath(line.slice(line.indexOf(" to ") + 4));
      }
    }
  }
  /** Call at the end of the stream. */
  end() {
    this.state = "between";
  }
  announce(binary) {
    if (this.pathSeen) return;
    this.pathSeen = true;
    this.events.file?.(this.path, binary, this.blob);
  }
  content(line) {
    const columns = this.columns;
    if (line.length < columns) return false;
    let removed = false;
    let addedEverywhere = true;
    for (let index = 0; index < columns; index++) {
      const mark = line.charCodeAt(index);
      if (mark === 45) removed = true;
      else if (mark === 32) addedEverywhere = false;
      else if (mark !== 43) return false;
    }
    if (removed) return true;
    if (addedEverywhere && this.path !== void 0) this.events.added?.({ line: this.newLine, text: line.slice(columns) });
    this.newLine++;
    return true;
  }
};
function samePath(rest) {
  if (rest.startsWith('"')) {
    const quoted = /^("(?:[^"\\]|\\.)*") ("(?:[^"\\]|\\.)*")$/.exec(rest);
    if (!quoted) return void 0;
    const [a2, b] = [unquotePath(quoted[1]), unquotePath(quoted[2])];
    return a2.startsWith("a/") && b.startsWith("b/") && a2.slice(2) === b.slice(2) ? b.slice(2) : void 0;
  }
  if (!rest.startsWith("a/") || (rest.length - 5) % 2 !== 0) return void 0;
  const half = (rest.length - 5) / 2;
  const a = rest.slice(2, 2 + half);
  return rest.slice(2 + half, half + 5) === " b/" && a === rest.slice(half + 5) ? a : void 0;
}
function stripPrefix(path, prefix) {
  return path.startsWith(prefix) ? path.slice(prefix.length) : path;
}
function unquotePath(raw) {
  const text = raw.endsWith("	") ? raw.slice(0, -1) : raw;
  if (!text.startsWith('"') || !text.endsWith('"') || text.length < 2) return text;
  const bytes = [];
  const body = text.slice(1, -1);
  const simple = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, "\\": 92 };
  for (let index = 0; index < body.length; index++) {
    const char = body[index];
    if (char !== "\\") {
      bytes.push(...Buffer.from(char, "utf8"));
      continue;
    }
    const next = body[index + 1] ?? "";
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.slice(index + 1, index + 4), 8));
      index += 3;
    } else {
      bytes.push(simple[next] ?? next.charCodeAt(0));
      index += 1;
    }
  }
  return Buffer.from(bytes).toString("utf8");
}
var PATCH_FLAGS = ["--no-color", "--no-ext-diff", "--no-textconv", "--unified=0", "--src-prefix=a/", "--dst-prefix=b/", "-M"];
function streamPatch(cwd, args, parser, afterChunk) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn("git", ["-c", "core.quotePath=false", ...args], { cwd, stdio: ["ignore", "pipe", "pipe"] });
    const decoder = new StringDecoder("utf8");
    let pending = "";
    let stderr = "";
    let waiting = Promise.resolve();
    let failed = false;
    const fail = (error) => {
      if (failed) return;
      failed = true;
      child.kill();
      reject(error);
    };
    child.stdout.on("data", (chunk) => {
      if (failed) return;
      pending += decoder.write(chunk);
      let start = 0;
      try {
        for (let newline = pending.indexOf("\n"); newline !== -1; newline = pending.indexOf("\n", start)) {
          parser.push(pending.slice(start, newline));
          start = newline + 1;
        }
        pending = pending.slice(start);
        const work = afterChunk?.();
        if (work) {
          child.stdout.pause();
          waiting = work.then(() => {
            if (!failed) child.stdout.resume();
          }, fail);
        }
      } catch (error) {
        fail(error);
      }
    });
    child.stderr.on("data", (chunk) => {
      if (stderr.length < 64 * 1024) stderr += chunk.toString("utf8");
    });
    child.on("error", fail);
    child.on("close", (code) => {
      void waiting.then(() => {
        if (failed) return;
        pending += decoder.end();
        if (pending.length > 0) parser.push(pending);
        parser.end();
        if (code === 0) resolvePromise();
        else fail(new Error(stderr.trim() || `git ${args[0]} exited with ${code}`));
      });
    });
  });
}
async function changedLines(cwd, base, head) {
  const changed = /* @__PURE__ */ new Map();
  let current;
  const parser = new PatchParser({
    file(path, binary) {
      current = path === void 0 || binary ? void 0 : /* @__PURE__ */ new Set();
      if (path !== void 0 && current) changed.set(path, current);
    },
    hunk(start, count) {
      if (!current) return;
      for (let line = start; line < start + count; line++) current.add(line);
    }
  });
  await streamPatch(cwd, ["diff", ...PATCH_FLAGS, base, head, "--"], parser);
  return changed;
}
function hasCommit(cwd, revision) {
  try {
    git(cwd, ["cat-file", "-e", `${revision}^{commit}`]);
    return true;
  } catch {
    return false;
  }
}

// src/discover/history.ts
import { existsSync as existsSync3, readFileSync as readFileSync3 } from "node:fs";
import { isAbsolute, join as join3 } from "node:path";
function headCommit(root) {
  try {
    return git(root, ["rev-parse", "--verify", "--quiet", "HEAD^{commit}"]).trim() || void 0;
  } catch {
    return void 0;
  }
}
function rangeIsComplete(root, range) {
  const boundary = shallowBoundary(root);
  if (boundary.size === 0) return true;
  try {
    return !git(root, ["rev-list", `${range.from}..${range.to}`]).split("\n").some((sha2) => boundary.has(sha2.trim()));
  } catch {
    return false;
  }
}
function shallowBoundary(root) {
  try {
    const file = git(root, ["rev-parse", "--git-path", "shallow"]).trim();
    const path = isAbsolute(file) ? file : join3(root, file);
    return existsSync3(path) ? new Set(readFileSync3(path, "utf8").split("\n").map((line) => line.trim()).filter(Boolean)) : /* @__PURE__ */ new Set();
  } catch {
    return /* @__PURE__ */ new Set();
  }
}
function isShallow(root) {
  try {
    return git(root, ["rev-parse", "--is-shallow-repository"]).trim() === "true";
  } catch {
    return false;
  }
}
async function walkHistory(options) {
  const range = options.range ? [options.range.to, "--not", options.range.from] : ["HEAD", "--branches", "--remotes", "--tags", ...options.since ? ["--not", options.since] : []];
  const args = [
    "log",
    "-p",
    "--cc",
    ...PATCH_FLAGS,
    // Whole object ids, to know a version the tree still holds.
    "--full-index",
    `--format=${COMMIT_MARKER}%H%x02%P%x02%aI`,
    // No pathspec: one would switch on history simplification, which hides side branches a merge discarded.
    "--relative",
    ...range
  ];
  let commit;
  let order = 0;
  let path;
  let lines = [];
  let bytes = 0;
  let tooLarge = false;
  const ready = [];
  const finishFile = () => {
    if (commit && path !== void 0) {
      if (tooLarge) options.onSkip?.(path, commit, "too-large");
      else if (lines.length > 0) ready.push({ commit, ref: fileRef(options.root, path, commit.sha, lines), addedLines: lines.length });
    }
    path = void 0;
    lines = [];
    bytes = 0;
    tooLarge = false;
  };
  const parser = new PatchParser({
    commit(header) {
      finishFile();
      const [sha2 = "", parents = "", authorDate = ""] = header.split("");
      commit = { sha: sha2, parents: parents.split(" ").filter(Boolean), authorDate, order: order++ };
      options.onCommit?.(commit);
    },
    file(newPath, binary, blob) {
      finishFile();
      if (newPath === void 0 || options.excludes(newPath)) return;
      if (blob !== void 0 && options.inTree?.(newPath, blob)) return;
      if (binary) {
        if (commit) options.onSkip?.(newPath, commit, "binary");
        return;
      }
      path = newPath;
    },
    added(line) {
      if (path === void 0 || tooLarge) return;
      bytes += line.text.length + 1;
      if (bytes > options.maxFileSize) {
        tooLarge = true;
        lines = [];
        return;
      }
      lines.push(line);
    }
  });
  const handOn = async () => {
    while (ready.length > 0) await options.onFile(ready.shift());
  };
  await streamPatch(options.root, args, parser, () => ready.length > 0 ? handOn() : void 0);
  finishFile();
  await handOn();
}
function fileRef(root, path, sha2, lines) {
  const parts = [];
  let next = 1;
  for (const { line, text } of lines) {
    for (; next < line; next++) parts.push("");
    parts.push(text);
    next = line + 1;
  }
  const content = parts.join("\n") + "\n";
  return { path, absolutePath: join3(root, path), size: Buffer.byteLength(content), tracked: true, gitIgnored: false, content, commit: sha2 };
}
function unchangedBlobs(root) {
  const blobs = /* @__PURE__ */ new Map();
  try {
    for (const entry of git(root, ["ls-files", "-z", "--stage"]).split("\0")) {
      const tab = entry.indexOf("	");
      if (tab === -1) continue;
      const [, object, stage] = entry.slice(0, tab).split(" ");
      if (object && stage === "0") blobs.set(entry.slice(tab + 1), object);
    }
    for (const path of git(root, ["ls-files", "-z", "--modified"]).split("\0")) blobs.delete(path);
  } catch {
    blobs.clear();
  }
  return blobs;
}
function historyHoldsOtherVersions(root, blobs) {
  let listing;
  try {
    listing = git(root, ["log", "HEAD", "--branches", "--remotes", "--tags", "--raw", "-m", "-z", "--no-abbrev", "--no-renames", "--format="]);
  } catch {
    return true;
  }
  const fields = listing.split("\0");
  for (let index = 0; index < fields.length - 1; index++) {
    const meta = fields[index];
    if (!meta.startsWith(":")) continue;
    const path = fields[++index].replace(/^\n+/, "");
    const [, , before, after] = meta.split(" ");
    const tree = blobs.get(path);
    for (const object of [before, after]) {
      if (object !== void 0 && !/^0+$/.test(object) && object !== tree) return true;
    }
  }
  return false;
}

// src/discover/exclusions.ts
var import_ignore2 = __toESM(require_ignore(), 1);
import { existsSync as existsSync4, readFileSync as readFileSync4 } from "node:fs";
import { join as join4 } from "node:path";
var EXCLUDED_DIRECTORIES = new Set(DEFAULT_EXCLUDED_DIRECTORIES);
function pathExclusions(root, ignorePaths) {
  const notifications = [];
  const excluded = (0, import_ignore2.default)().add(DEFAULT_EXCLUDED_FILES);
  const ignoreFile = join4(root, ".blast-radiusignore");
  if (existsSync4(ignoreFile)) {
    try {
      excluded.add(readFileSync4(ignoreFile, "utf8"));
    } catch (error) {
      notifications.push({ level: "warning", code: "unreadable", message: `Could not read ${ignoreFile}: ${String(error)}` });
    }
  }
  excluded.add([...ignorePaths]);
  return {
    excludes(path) {
      const segments = path.split("/");
      for (let index = 0; index < segments.length - 1; index++) if (EXCLUDED_DIRECTORIES.has(segments[index])) return true;
      return isBinaryByName(path) || excluded.ignores(path);
    },
    binaryByName: isBinaryByName,
    notifications
  };
}

// src/discover/work-tree.ts
import { realpathSync as realpathSync2, statSync as statSync2 } from "node:fs";
import { resolve as resolve2 } from "node:path";
var NotAWorkTree = class extends Error {
};
function requireWorkTree(path, mode) {
  const absolute = resolve2(path);
  let root;
  try {
    if (!statSync2(absolute).isDirectory()) throw new NotAWorkTree(`not a directory: ${path}`);
    root = realpathSync2(absolute);
  } catch (error) {
    if (error instanceof NotAWorkTree) throw error;
    throw new NotAWorkTree(`path does not exist: ${path}`);
  }
  let inside = "";
  try {
    inside = git(root, ["rev-parse", "--is-inside-work-tree"]).trim();
  } catch {
    inside = "false";
  }
  if (inside !== "true") {
    throw new NotAWorkTree(`${mode} needs a git repository, and ${root} is not inside a git work tree (scan it without ${mode}, or run \`git init\` first)`);
  }
  return { root, topLevel: git(root, ["rev-parse", "--show-toplevel"]).trim() };
}

// src/scan-staged.ts
function workTree(path, mode) {
  try {
    return requireWorkTree(path, mode);
  } catch (error) {
    if (error instanceof NotAWorkTree) throw new UsageError(error.message);
    throw error;
  }
}

// src/scan-history.ts
var BATCH_FILES2 = 400;
var BATCH_BYTES = 8 * 1024 * 1024;
async function scanHistory(options) {
  const started = performance.now();
  const { root } = workTree(options.root, "--history");
  const detectors = options.detectors ?? (await import("./detectors-VU22B5ML.js")).detectors;
  const config = options.config ?? loadConfig(root, options.configPath);
  const baseline = typeof options.baseline === "string" ? loadBaseline(options.baseline) : options.baseline ?? /* @__PURE__ */ new Set();
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const rules = detectors.flatMap((detector) => detector.rules).filter((rule) => !config.disabledRules.some((pattern) => ruleMatches(pattern, rule.id)));
  const shared = { root, detectors, config, baseline, maxFileSize, profile: false };
  const notifications = [];
  const historyCredentials = /* @__PURE__ */ new Map();
  const stats = { filesDiscovered: 0, filesRead: 0, bytesRead: 0, skippedBinary: 0, skippedTooLarge: 0, skippedUnreadable: 0, durationMs: 0 };
  if (options.since !== void 0 && !hasCommit(root, options.since)) {
    throw new UsageError(`--since ${options.since} does not name a commit in this repository`);
  }
  for (const end of options.range ? [options.range.from, options.range.to] : []) {
    if (!hasCommit(root, end)) throw new UsageError(`${end} does not name a commit in this repository`);
  }
  if (headCommit(root) === void 0) {
    notifications.push({ level: "note", code: "history-empty", message: "The repository has no commits yet; there is no history to scan." });
    return finish([], 0);
  }
  if (options.range ? !rangeIsComplete(root, options.range) : isShallow(root)) {
    notifications.push({
      level: "warning",
      code: "history-shallow",
      message: "This is a shallow clone: commits before its boundary were not scanned (fetch them with `git fetch --unshallow`)."
    });
  }
  const exclusions = pathExclusions(root, config.ignorePaths);
  notifications.push(...exclusions.notifications);
  const introduced = /* @__PURE__ */ new Map();
  const seenNotifications = /* @__PURE__ */ new Set();
  let commitCount = 0;
  let parseFailures = 0;
  let batch = [];
  let batchBytes = 0;
  let commitsBySha = /* @__PURE__ */ new Map();
  const flush = async () => {
    if (batch.length === 0) return;
    const files = batch;
    const batchCommits = commitsBySha;
    batch = [];
    batchBytes = 0;
    commitsBySha = /* @__PURE__ */ new Map();
    let credentials;
    const result = await scan({ ...shared, files, onFacts: (facts) => credentials = facts });
    stats.filesRead += result.stats.filesRead;
    stats.bytesRead += result.stats.bytesRead;
    for (const notification of result.notifications) {
      if (notification.code === "parse-error") {
        parseFailures++;
        continue;
      }
      const key = `${notification.code}\0${notification.message}`;
      if (seenNotifications.has(key)) continue;
      seenNotifications.add(key);
      notifications.push(notification);
    }
    const byVersion = /* @__PURE__ */ new Map();
    for (const fact of credentials?.all("credential") ?? []) {
      if (!fact.inIgnoredDotenv) historyCredentials.set(fact.valueHash, { ...fact, value: "", siblingValues: {} });
      const key = `${fact.location.commit ?? ""}\0${fact.location.path}`;
      byVersion.set(key, [...byVersion.get(key) ?? [], fact]);
    }
    for (const finding of result.findings) {
      const sha2 = finding.location.commit;
      const commit = sha2 ? batchCommits.get(sha2) : void 0;
      if (!sha2 || !commit) continue;
      const span = finding.location.span;
      const hashes = (byVersion.get(`${sha2}\0${finding.location.path}`) ?? []).filter((fact) => fact.location.span.line >= span.line && fact.location.span.line <= span.endLine).map((fact) => fact.valueHash);
      const entry = introduced.get(finding.fingerprint);
      if (!entry) {
        introduced.set(finding.fingerprint, { finding, commit, commits: /* @__PURE__ */ new Set([sha2]), valueHashes: new Set(hashes) });
        continue;
      }
      entry.commits.add(sha2);
      for (const hash of hashes) entry.valueHashes.add(hash);
      if (commit.order > entry.commit.order) {
        entry.finding = finding;
        entry.commit = commit;
      }
    }
    options.onProgress?.(commitCount);
  };
  try {
    await walkHistory({
      root,
      since: options.since,
      range: options.range,
      maxFileSize,
      excludes(path) {
        if (!exclusions.excludes(path)) return false;
        if (exclusions.binaryByName(path)) stats.skippedBinary++;
        return true;
      },
      inTree: options.tree ? (path, blob) => options.tree.blobs.get(path) === blob : void 0,
      onCommit() {
        commitCount++;
      },
      onSkip(path, commit, reason) {
        if (reason === "binary") {
          stats.skippedBinary++;
          return;
        }
        stats.skippedTooLarge++;
        notifications.push({
          level: "note",
          code: "too-large",
          message: `${path} at ${commit.sha.slice(0, 12)} added more than --max-file-size (${maxFileSize} bytes); that version was not scanned.`,
          path
        });
      },
      onFile(file) {
        stats.filesDiscovered++;
        batch.push(file.ref);
        commitsBySha.set(file.commit.sha, file.commit);
        batchBytes += file.ref.size ?? file.ref.content?.length ?? 0;
        if (batch.length >= BATCH_FILES2 || batchBytes >= BATCH_BYTES) return flush();
        return void 0;
      }
    });
    await flush();
  } catch (error) {
    if (error instanceof UsageError) throw error;
    notifications.push({ level: "error", code: "discovery-failed", message: `Could not read the history: ${error instanceof Error ? error.message : String(error)}` });
    return finish([], commitCount, false);
  }
  const findings = [...introduced.values()];
  if (findings.length > 0) markStillInTree(findings, options.tree ?? await treeState(shared));
  if (parseFailures > 0) {
    notifications.push({
      level: "note",
      code: "history-partial-parse",
      message: `${parseFailures} file version${parseFailures === 1 ? "" : "s"} did not parse from their added lines alone and were read as text.`
    });
  }
  return finish(findings.map(describe), commitCount);
  function finish(list, commits, complete = true) {
    stats.durationMs = Math.round(performance.now() - started);
    notifications.push({
      level: "note",
      code: "history-scanned",
      message: `Scanned the lines added by ${commits} commit${commits === 1 ? "" : "s"}${options.since ? ` since ${options.since}` : ""}${options.range ? ` in ${rangeText(options.range)}` : ""} (${stats.filesDiscovered} file versions) in ${(stats.durationMs / 1e3).toFixed(1)} s.`
    });
    const sorted = list.sort(compareFindings);
    const credentials = [...historyCredentials.values()];
    options.onCredentials?.(credentials);
    const reader = { all: (kind) => kind === "credential" ? credentials : [] };
    const summary = buildSummary(reader, sorted);
    const active = sorted.filter((finding) => !finding.suppression);
    const gone = active.filter((finding) => finding.details.stillInTree === false).length;
    summary.headline = `${active.length} finding${active.length === 1 ? "" : "s"} in the lines ${commits} commit${commits === 1 ? "" : "s"} added; ${gone} no longer in the tree but readable by anyone who runs git log --all -p.`;
    return { root, toolVersion: TOOL_VERSION, rules, findings: sorted, notifications, summary, stats, complete };
  }
}
async function treeState(shared) {
  let treeFacts;
  const tree = await scan({ ...shared, onFacts: (facts) => treeFacts = facts });
  return treeStateOf(tree.findings, treeFacts?.all("credential") ?? [], /* @__PURE__ */ new Map());
}
function treeStateOf(findings, credentials, blobs) {
  return {
    fingerprints: new Set(findings.map((finding) => finding.fingerprint)),
    valueHashes: new Set(credentials.filter((credential) => !credential.inIgnoredDotenv).map((credential) => credential.valueHash)),
    blobs
  };
}
function markStillInTree(entries, tree) {
  for (const entry of entries) {
    const stillInTree = tree.fingerprints.has(entry.finding.fingerprint) || [...entry.valueHashes].some((hash) => tree.valueHashes.has(hash));
    entry.finding = { ...entry.finding, details: { ...entry.finding.details, stillInTree } };
  }
}
function describe(entry) {
  const { finding, commit, commits } = entry;
  const stillInTree = finding.details.stillInTree === true;
  const carried = commits.size > 1 ? ` ${commits.size} commits added it.` : "";
  const where = stillInTree ? " It is still in the tree." : " It is no longer in the tree, but anyone with a clone reads it with git log --all -p: rotate it.";
  return {
    ...finding,
    message: `${finding.message} Introduced in commit ${commit.sha.slice(0, 12)} (${commit.authorDate.slice(0, 10)}).${carried}${where}`,
    details: { ...finding.details, commitDate: commit.authorDate, commits: commits.size }
  };
}
function rangeText(range) {
  return `${range.from.slice(0, 12)}..${range.to.slice(0, 12)}`;
}

// src/scan-repository.ts
var HISTORY_COMMIT_LIMIT = 500;
var HISTORY_OBJECT_BYTES_LIMIT = 64 * 1024 * 1024;
var HISTORY_RULE_PREFIXES = ["exposed-credential/", "root-scoped-token/"];
async function scanRepository(options) {
  let facts;
  const tree = await scan({
    ...options,
    onFacts: (published) => {
      facts = published;
      options.onFacts?.(published);
    }
  });
  if (options.history === false || options.files || !facts || !isRepositoryRoot(options.root, tree.root)) return tree;
  const range = options.historyRange;
  let commits = 0;
  if (range) {
    if (!rangeIsComplete(tree.root, range)) {
      return withNotification(tree, {
        level: "note",
        code: "history-not-scanned",
        message: `The clone is shallow, so the commits of ${rangeText(range)} were not read one by one: a credential one of them added and a later one removed is not reported. Fetch the whole history (actions/checkout's fetch-depth: 0) to read them.`
      });
    }
  } else {
    const size = historySize(tree.root);
    commits = size.commits;
    const limits = options.historyLimits ?? { commits: HISTORY_COMMIT_LIMIT, objectBytes: HISTORY_OBJECT_BYTES_LIMIT };
    if (size.commits === 0) return tree;
    if (size.commits > limits.commits || size.objectBytes > limits.objectBytes) {
      const why = size.commits > limits.commits ? `${size.commits} commits` : `${Math.round(size.objectBytes / (1024 * 1024))} MB of git objects`;
      return withNotification(tree, {
        level: "note",
        code: "history-not-scanned",
        message: `Git history not scanned (${why}): a credential deleted from the tree is still readable with git log -p. Run \`blast-radius scan --history\` to read it all.`
      });
    }
  }
  const blobs = unchangedBlobs(tree.root);
  if (!range && !historyHoldsOtherVersions(tree.root, blobs)) {
    return withNotification(tree, { level: "note", code: "history-scanned", message: `Git history read: its ${commits} commit${commits === 1 ? " holds" : "s hold"} no file version the tree does not.` });
  }
  const treeCredentials = facts.all("credential");
  let historyCredentials = [];
  const history = await scanHistory({
    root: tree.root,
    detectors: options.detectors,
    config: options.config,
    configPath: options.configPath,
    baseline: options.baseline,
    maxFileSize: options.maxFileSize,
    range,
    tree: treeStateOf(tree.findings, treeCredentials, blobs),
    onCredentials: (credentials2) => historyCredentials = credentials2
  });
  const gone = history.findings.filter((finding) => finding.details.stillInTree === false && HISTORY_RULE_PREFIXES.some((prefix) => finding.ruleId.startsWith(prefix)));
  const findings = [...tree.findings, ...gone].sort(compareFindings);
  const inTree = new Set(treeCredentials.map((credential) => credential.valueHash));
  const credentials = [...treeCredentials, ...historyCredentials.filter((credential) => !inTree.has(credential.valueHash))];
  const reader = { all: (kind) => kind === "credential" ? credentials : facts.all(kind) };
  const summary = buildSummary(reader, findings);
  const activeGone = gone.filter((finding) => !finding.suppression).length;
  if (activeGone > 0) {
    summary.headline += ` ${activeGone} of the findings ${activeGone === 1 ? "is" : "are"} only in git history: deleted from the tree, still in every clone.`;
  }
  const notes = history.notifications.map(
    (notification) => notification.code === "discovery-failed" ? { ...notification, level: "warning", code: "history-failed" } : notification
  );
  return {
    ...tree,
    findings,
    summary,
    notifications: [...tree.notifications, ...notes],
    stats: { ...tree.stats, durationMs: tree.stats.durationMs + history.stats.durationMs }
  };
}
function isRepositoryRoot(path, root) {
  try {
    if (resolveTarget(path).file !== void 0) return false;
    return git(root, ["rev-parse", "--show-toplevel"]).trim() === root;
  } catch {
    return false;
  }
}
function historySize(root) {
  let commits = 0;
  try {
    commits = Number(git(root, ["rev-list", "--count", "HEAD", "--branches", "--remotes", "--tags"]).trim()) || 0;
  } catch {
    return { commits: 0, objectBytes: 0 };
  }
  let objectBytes = 0;
  try {
    for (const line of git(root, ["count-objects", "-v"]).split("\n")) {
      const match = /^(size|size-pack): (\d+)$/.exec(line);
      if (match) objectBytes += Number(match[2]) * 1024;
    }
  } catch {
    objectBytes = 0;
  }
  return { commits, objectBytes };
}
function withNotification(result, notification) {
  return { ...result, notifications: [...result.notifications, notification] };
}

// src/action/plan.ts
import { existsSync as existsSync5, readFileSync as readFileSync5 } from "node:fs";
var SCAN_INPUTS = ["auto", "changed", "full"];
var PULL_REQUEST_EVENTS = /* @__PURE__ */ new Set(["pull_request", "pull_request_target", "pull_request_review", "pull_request_review_comment"]);
var ZERO_SHA = /^0+$/;
function readEvent(env) {
  const path = env.GITHUB_EVENT_PATH;
  if (!path || !existsSync5(path)) return {};
  try {
    const parsed = JSON.parse(readFileSync5(path, "utf8"));
    return parsed && typeof parsed === "object" ? parsed : {};
  } catch {
    return {};
  }
}
var PUSH_COMMITS_LISTED = 2048;
function depthOfChange(eventName, event) {
  if (PULL_REQUEST_EVENTS.has(eventName)) {
    const commits = event.pull_request?.commits;
    return typeof commits === "number" && Number.isInteger(commits) && commits > 0 ? commits + 2 : void 0;
  }
  if (eventName === "push" && Array.isArray(event.commits) && event.commits.length > 0 && event.commits.length < PUSH_COMMITS_LISTED) {
    return event.commits.length + 1;
  }
  return void 0;
}
async function planScan(env, requested, repository, fetchBase, deepen = () => false) {
  const eventName = env.GITHUB_EVENT_NAME ?? "";
  const event = readEvent(env);
  const onPullRequest = PULL_REQUEST_EVENTS.has(eventName) || eventName === "merge_group";
  if (requested === "full" || requested === "auto" && !onPullRequest) {
    return { mode: "full", description: `Full scan (${eventName || "no event"}).` };
  }
  if (!repository) {
    return { mode: "full", description: "Full scan.", notice: "The workspace is not a git repository, so changed lines cannot be known; scanned everything." };
  }
  const depth = depthOfChange(eventName, event);
  if (depth !== void 0 && isShallow(repository)) deepen(depth);
  const head = revParse(repository, "HEAD");
  if (!head) return { mode: "full", description: "Full scan.", notice: "The checkout has no commit; scanned everything." };
  let base;
  let what;
  if (PULL_REQUEST_EVENTS.has(eventName)) {
    base = sha(event.pull_request?.base?.sha);
    const number = typeof event.pull_request?.number === "number" ? ` #${event.pull_request.number}` : "";
    what = `pull request${number}`;
  } else if (eventName === "merge_group") {
    base = sha(event.merge_group?.base_sha);
    what = "merge group";
  } else if (eventName === "push") {
    base = sha(event.before);
    what = "push";
    if (!base) {
      return { mode: "full", description: "Full scan (push).", notice: "This push has no previous commit to compare with (a new branch or a first commit); scanned everything." };
    }
  } else {
    base = revParse(repository, "HEAD^1");
    what = eventName || "commit";
    if (!base) return { mode: "full", description: "Full scan.", notice: "The checked-out commit has no parent to compare with; scanned everything." };
  }
  if (!base) {
    return { mode: "full", description: "Full scan.", notice: `The ${what} event names no base commit; scanned everything.` };
  }
  if (!hasCommit(repository, base) && !(fetchBase(base) && hasCommit(repository, base))) {
    return {
      mode: "full",
      description: "Full scan.",
      notice: `The base commit ${base.slice(0, 12)} is not in this clone (a shallow checkout) and could not be fetched, so changed lines cannot be known; scanned everything. Give actions/checkout \`fetch-depth: 0\` (or 2 on pull requests) to scan only the changes.`
    };
  }
  const pullHead = sha(event.pull_request?.head?.sha);
  const mergedInto = pullHead && revParse(repository, "HEAD^2") === pullHead ? revParse(repository, "HEAD^1") : void 0;
  const from = mergedInto ?? mergeBase(repository, base, head) ?? base;
  const description = `Changed lines of the ${what} (${from.slice(0, 12)}..${head.slice(0, 12)}).`;
  if (from === head) {
    return { mode: "changed", base: from, head, description, changed: /* @__PURE__ */ new Map(), notice: "The base and the head are the same commit: nothing changed, nothing to report." };
  }
  return { mode: "changed", base: from, head, description, changed: await changedLines(repository, from, head) };
}
function sha(value) {
  return typeof value === "string" && /^[0-9a-f]{7,64}$/i.test(value) && !ZERO_SHA.test(value) ? value : void 0;
}
function revParse(cwd, revision) {
  try {
    return git(cwd, ["rev-parse", "--verify", "--quiet", `${revision}^{commit}`]).trim() || void 0;
  } catch {
    return void 0;
  }
}
function mergeBase(cwd, a, b) {
  try {
    return git(cwd, ["merge-base", a, b]).trim() || void 0;
  } catch {
    return void 0;
  }
}

// src/write-report.ts
import { mkdirSync, renameSync, statSync as statSync3, writeFileSync } from "node:fs";
import { dirname as dirname2, resolve as resolve3 } from "node:path";
function writeAtomically(path, content) {
  const target = resolve3(path);
  let existing;
  try {
    existing = statSync3(target);
  } catch {
    existing = void 0;
  }
  if (existing && !existing.isFile()) {
    writeFileSync(target, content);
    return;
  }
  makeDirectory(dirname2(target));
  const temporary = `${target}.${process.pid}.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, target);
}
function makeDirectory(directory) {
  let existing;
  try {
    existing = statSync3(directory);
  } catch {
    const parent = dirname2(directory);
    if (parent !== directory) makeDirectory(parent);
  }
  if (existing?.isDirectory()) return;
  if (existing) throw new Error(`${directory} is not a directory`);
  mkdirSync(directory);
}

// src/action/toolkit.ts
import { appendFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
function input(env, name, fallback = "") {
  const value = env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`];
  return value === void 0 || value.trim() === "" ? fallback : value.trim();
}
function booleanInput(env, name, fallback) {
  const value = input(env, name);
  if (value === "") return fallback;
  if (["true", "True", "TRUE"].includes(value)) return true;
  if (["false", "False", "FALSE"].includes(value)) return false;
  throw new InputError(`input ${name} must be true or false, got "${value}"`);
}
var InputError = class extends Error {
};
function setOutput(env, name, value) {
  const file = env.GITHUB_OUTPUT;
  if (!file) return;
  let delimiter = `ghadelimiter_${randomBytes(8).toString("hex")}`;
  while (value.includes(delimiter)) delimiter = `ghadelimiter_${randomBytes(8).toString("hex")}`;
  appendFileSync(file, `${name}<<${delimiter}
${value}
${delimiter}
`);
}
function appendSummary(env, markdown) {
  const file = env.GITHUB_STEP_SUMMARY;
  if (!file) return false;
  appendFileSync(file, markdown.endsWith("\n") ? markdown : `${markdown}
`);
  return true;
}
function annotation(level, message, properties = {}) {
  const props = Object.entries(properties).filter(([, value]) => value !== void 0 && value !== "").map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(",");
  return `::${level}${props ? ` ${props}` : ""}::${escapeData(message)}`;
}
function escapeData(text) {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(text) {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

// src/action/run.ts
var EXIT_CLEAN = 0;
var EXIT_FINDINGS = 1;
var EXIT_ERROR = 2;
var MAX_SARIF_GZIP_BYTES = 10 * 1e3 * 1e3;
var MAX_ANNOTATIONS_PER_LEVEL = 10;
var MAX_SUMMARY_BYTES = 900 * 1024;
async function runAction(env, io, options = {}) {
  const log = (line) => io.stdout(`${line}
`);
  try {
    return await run(env, log, options);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError || error instanceof InputError) {
      log(annotation("error", `blast-radius: ${error.message}`));
      return EXIT_ERROR;
    }
    log(annotation("error", `blast-radius: internal error: ${error instanceof Error ? error.message : String(error)}`));
    if (error instanceof Error && error.stack) log(error.stack);
    return EXIT_ERROR;
  }
}
async function run(env, log, options) {
  const workspace = resolve4(env.GITHUB_WORKSPACE ?? process.cwd());
  const root = resolve4(workspace, input(env, "path", "."));
  const failOn = input(env, "fail-on", "high");
  if (failOn !== "none" && !SEVERITIES.includes(failOn)) {
    throw new InputError(`input fail-on must be one of ${SEVERITIES.join(", ")}, none; got "${failOn}"`);
  }
  const requested = input(env, "scan", "auto");
  if (!SCAN_INPUTS.includes(requested)) throw new InputError(`input scan must be one of ${SCAN_INPUTS.join(", ")}; got "${requested}"`);
  const sarifInput = input(env, "sarif-file", "blast-radius.sarif");
  const writeSummary = booleanInput(env, "summary", true);
  const baseline = input(env, "baseline");
  const config = input(env, "config");
  const topLevel = workTreeTop(root);
  const plan = await planScan(
    env,
    requested,
    topLevel,
    (sha2) => fetchFromOrigin(topLevel, sha2, 1, `Fetching the base commit ${sha2.slice(0, 12)} (the checkout is shallow)...`, log),
    (depth) => {
      const head = commitOf(topLevel, "HEAD");
      return head !== void 0 && fetchFromOrigin(topLevel, head, depth, `Fetching the change's commits (${depth} deep from the checked-out commit; the checkout is shallow)...`, log);
    }
  );
  log(plan.description);
  if (plan.notice) log(annotation("notice", plan.notice, { title: "blast-radius" }));
  const reportBase = topLevel ?? workspace;
  const prefix = relative3(reportBase, root).split(sep2).join("/");
  const scanned = await scanRepository({
    root,
    detectors: options.detectors,
    configPath: config ? resolve4(workspace, config) : void 0,
    baseline: baseline ? resolve4(workspace, baseline) : void 0,
    reportOnly: plan.mode === "changed" ? onChangedLines(plan.changed, prefix) : void 0,
    historyRange: plan.mode === "changed" ? { from: plan.base, to: plan.head } : void 0
  });
  const result = prefix && !prefix.startsWith("..") ? rebase(scanned, prefix, reportBase) : scanned;
  const active = result.findings.filter((finding) => !finding.suppression);
  const failing = failOn === "none" ? [] : active.filter((finding) => severityRank(finding.severity) >= severityRank(failOn));
  const exitCode = !result.complete ? EXIT_ERROR : failing.length > 0 ? EXIT_FINDINGS : EXIT_CLEAN;
  log(render("text", result, { color: false }).trimEnd());
  for (const notification of result.notifications) if (notification.code === "history-not-scanned") log(notification.message);
  for (const line of annotationsOf(result, failOn)) log(line);
  let sarifPath = "";
  if (sarifInput !== "false" && sarifInput !== "none") {
    const sarif = sarifWithinLimits(result);
    if (sarif.cut) log(annotation("warning", sarif.cut, { title: "blast-radius SARIF" }));
    const target = isAbsolute2(sarifInput) ? sarifInput : join5(workspace, sarifInput);
    writeAtomically(target, sarif.text);
    sarifPath = relative3(workspace, target).split(sep2).join("/") || target;
    log(`SARIF written to ${sarifPath} (${active.length} results) for github/codeql-action/upload-sarif.`);
  }
  if (writeSummary) {
    const written = appendSummary(env, jobSummary(result, plan, failOn, failing.length));
    if (!written) log("No $GITHUB_STEP_SUMMARY file: job summary not written.");
  }
  setOutput(env, "sarif-file", sarifPath);
  setOutput(env, "findings", String(active.length));
  for (const severity of SEVERITIES) setOutput(env, severity, String(active.filter((finding) => finding.severity === severity).length));
  setOutput(env, "blast-radius", result.summary.headline);
  setOutput(env, "exit-code", String(exitCode));
  if (exitCode === EXIT_FINDINGS) log(`blast-radius: ${failing.length} finding${failing.length === 1 ? "" : "s"} at or above ${failOn}; failing the step (fail-on: ${failOn}).`);
  if (exitCode === EXIT_ERROR) log(annotation("error", "blast-radius: the scan did not complete; see the scan warnings above."));
  return exitCode;
}
function workTreeTop(root) {
  try {
    return git(root, ["rev-parse", "--show-toplevel"]).trim() || void 0;
  } catch {
    return void 0;
  }
}
function commitOf(topLevel, revision) {
  try {
    return git(topLevel, ["rev-parse", "--verify", "--quiet", `${revision}^{commit}`]).trim() || void 0;
  } catch {
    return void 0;
  }
}
function fetchFromOrigin(topLevel, sha2, depth, message, log) {
  try {
    const remotes = git(topLevel, ["remote"]).split("\n").map((line) => line.trim());
    if (!remotes.includes("origin")) return false;
    log(message);
    execFileSync2("git", ["fetch", "--quiet", "--no-tags", "--no-recurse-submodules", `--depth=${depth}`, "origin", sha2], {
      cwd: topLevel,
      stdio: ["ignore", "ignore", "pipe"],
      timeout: 12e4,
      env: { ...process.env, GIT_TERMINAL_PROMPT: "0" }
    });
    return true;
  } catch {
    return false;
  }
}
function onChangedLines(changed, prefix) {
  const inRepo = (path) => prefix && !prefix.startsWith("..") ? `${prefix}/${path}` : path;
  const touches = (location) => {
    const lines = changed.get(inRepo(location.path));
    if (!lines) return false;
    for (let line = location.span.line; line <= Math.max(location.span.line, location.span.endLine); line++) if (lines.has(line)) return true;
    return false;
  };
  return (finding) => touches(finding.location) || (finding.related ?? []).some((entry) => touches(entry.location));
}
function rebase(result, prefix, root) {
  const move = (location) => ({ ...location, path: `${prefix}/${location.path}` });
  const findings = result.findings.map((finding) => ({
    ...finding,
    location: move(finding.location),
    ...finding.related ? { related: finding.related.map((entry) => ({ ...entry, location: move(entry.location) })) } : {},
    ...finding.flow ? { flow: finding.flow.map((entry) => ({ ...entry, location: move(entry.location) })) } : {}
  }));
  const notifications = result.notifications.map((notification) => notification.path ? { ...notification, path: `${prefix}/${notification.path}` } : notification);
  return { ...result, root, findings, notifications };
}
function annotationsOf(result, failOn) {
  const titles = new Map(result.rules.map((rule) => [rule.id, rule.title]));
  const active = result.findings.filter((finding) => !finding.suppression).sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
  const fails = (finding) => failOn !== "none" && severityRank(finding.severity) >= severityRank(failOn);
  const lines = [];
  let left = 0;
  for (const level of ["error", "warning"]) {
    const group = active.filter((finding) => level === "error" === fails(finding));
    for (const finding of group.slice(0, MAX_ANNOTATIONS_PER_LEVEL)) {
      const span = finding.location.span;
      lines.push(
        annotation(level, finding.message, {
          file: finding.location.path,
          line: span.line,
          endLine: span.endLine > span.line ? span.endLine : void 0,
          col: span.endLine === span.line ? span.column : void 0,
          endColumn: span.endLine === span.line ? span.endColumn : void 0,
          title: `${finding.severity}: ${titles.get(finding.ruleId) ?? finding.ruleId} (${finding.ruleId})`
        })
      );
    }
    left += Math.max(0, group.length - MAX_ANNOTATIONS_PER_LEVEL);
  }
  if (left > 0) lines.push(annotation("notice", `${left} more finding${left === 1 ? "" : "s"} than GitHub shows as annotations: see the job summary and the SARIF file.`, { title: "blast-radius" }));
  const problems = result.notifications.filter((notification) => notification.level !== "note");
  for (const notification of problems.slice(0, MAX_ANNOTATIONS_PER_LEVEL)) {
    lines.push(annotation("warning", notification.message, { file: notification.path, line: notification.path ? notification.line : void 0, title: `blast-radius: ${notification.code}` }));
  }
  return lines;
}
function sarifWithinLimits(result, limit = MAX_SARIF_GZIP_BYTES) {
  let text = render("sarif", result, { color: false });
  if (gzipSync(text).length <= limit) return { text };
  const ranked = [...result.findings].filter((finding) => !finding.suppression).sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
  let keep = ranked.length;
  let cut = "";
  while (keep > 0) {
    keep = Math.floor(keep / 2);
    const dropped = ranked.length - keep;
    cut = `The SARIF file would pass GitHub's 10 MB (gzipped) upload limit: kept the ${keep} most severe of ${ranked.length} results and left out ${dropped}. The job summary lists them.`;
    const trimmed = {
      ...result,
      findings: ranked.slice(0, keep),
      notifications: [...result.notifications, { level: "warning", code: "sarif-size-cut", message: cut }]
    };
    text = render("sarif", trimmed, { color: false });
    if (gzipSync(text).length <= limit) break;
  }
  return { text, cut };
}
function jobSummary(result, plan, failOn, failing) {
  const verdict = failOn === "none" ? "Reporting only (fail-on: none)." : failing > 0 ? `**${failing} finding${failing === 1 ? "" : "s"} at or above ${failOn}**: the step fails.` : `Nothing at or above ${failOn}.`;
  const header = [plan.description, plan.notice ? `> ${plan.notice}` : "", verdict].filter(Boolean).join("\n\n");
  for (const maxRows of [200, 50, 10, 0]) {
    const markdown = render("markdown", result, { color: false, maxRows }).replace(/^## [^\n]*\n/, (heading) => `${heading}
${header}
`);
    if (Buffer.byteLength(markdown) <= MAX_SUMMARY_BYTES) return markdown;
  }
  return `## Blast radius

${header}
`;
}

// src/action/index.ts
runAction(process.env, { stdout: (text) => process.stdout.write(text) }).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stdout.write(`::error::blast-radius: internal error: ${String(error)}
`);
    process.exitCode = 2;
  }
);
