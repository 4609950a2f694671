/**
 * The rule behind eslint.config.js's fences: which of our folders a file may import, which npm
 * packages, and who may know concrete implementations. Imports are resolved to repository paths
 * first, so `'../store/port'` and `'../../store/port'` are the same target wherever they stand,
 * and a folder named like a layer elsewhere (the tab's own `api/`) is never mistaken for it.
 *
 * A target is a folder ('src/domain/', its index included) or a file without its extension
 * ('src/store/port'). Options (one object):
 * - `root`: the repository's absolute path
 * - `holds`: the product's folders, the only files the rule looks at (benchmarks, tests and tools
 *   outside them wire whatever they measure)
 * - `tests`: regular expression sources of files no fence holds (specs and their helpers wire
 *   concrete parts together as the composition root does)
 * - `wiring`: the composition root's files: they may import anything
 * - `fences`: `{ name, files, allow, typesOnly?, packages?, message }`: a file belongs to the
 *   fence whose `files` target matches it most closely; it may import its own fence's files,
 *   `allow`, and `typesOnly` in `import type` form. `packages` is `{ allow | deny, message }`
 *   (names, or prefixes ending in `*`).
 * - `concrete`: `{ targets, message }`: imported only by the wiring, tests, and files of the same fence
 */
import path from 'node:path';

const extensions = /\.(tsx?|jsx?|mjs|cjs)$/;

/** 'src/domain/' matches the folder and its index ('src/domain'); 'src/store/port' the file. */
function matches(target, file) {
  if (target.endsWith('/')) return file === target.slice(0, -1) || file.startsWith(target);
  return file === target || file === `${target}/index`;
}

function packageMatches(pattern, name) {
  return pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern || name.startsWith(`${pattern}/`);
}

/** The fence a file belongs to: the one whose matching target is longest. */
function fenceOf(fences, file) {
  let best;
  let length = -1;
  for (const fence of fences) {
    for (const target of fence.files) {
      if (matches(target, file) && target.length > length) {
        best = fence;
        length = target.length;
      }
    }
  }
  return best;
}

/** Whether an import or export declaration brings in types only. */
function typesOnly(node) {
  if (node.importKind === 'type' || node.exportKind === 'type') return true;
  const specifiers = node.specifiers ?? [];
  return specifiers.length > 0 && specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type');
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Holds the import directions between the layers of DESIGN.md' },
    // the options are one object built in eslint.config.js; its shape is documented above
    schema: false,
  },
  create(context) {
    const options = context.options[0] ?? {};
    const root = options.root ?? context.cwd;
    const file = path.relative(root, context.filename).split(path.sep).join('/').replace(extensions, '');
    const tests = (options.tests ?? []).map((source) => new RegExp(source));
    const held = (options.holds ?? []).some((target) => matches(target, file));
    if (!held || tests.some((test) => test.test(`${file}${path.extname(context.filename)}`))) return {};
    const wiring = (options.wiring ?? []).some((target) => matches(target, file));
    if (wiring) return {};
    const fences = options.fences ?? [];
    const fence = fenceOf(fences, file);
    const concrete = options.concrete ?? { targets: [], message: '' };

    function check(node, source) {
      if (typeof source?.value !== 'string') return;
      const specifier = source.value;
      if (!specifier.startsWith('.')) {
        const rule = fence?.packages;
        if (!rule) return;
        const name = specifier;
        const refused = rule.allow ? !rule.allow.some((p) => packageMatches(p, name)) : (rule.deny ?? []).some((p) => packageMatches(p, name));
        if (refused) context.report({ node: source, message: rule.message });
        return;
      }
      const resolved = path.relative(root, path.resolve(path.dirname(context.filename), specifier)).split(path.sep).join('/').replace(extensions, '');
      const targetFence = fenceOf(fences, resolved);
      if (concrete.targets.some((target) => matches(target, resolved)) && targetFence !== fence) {
        context.report({ node: source, message: concrete.message });
        return;
      }
      if (!fence || targetFence === fence) return;
      if (fence.allow.some((target) => matches(target, resolved))) return;
      if (typesOnly(node) && (fence.typesOnly ?? []).some((target) => matches(target, resolved))) return;
      context.report({ node: source, message: fence.message });
    }

    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
    };
  },
};
