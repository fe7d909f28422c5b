// What grew between two heap snapshots (`LOOKOUT_BENCH_HEAPSNAP=1` of the firehose bench):
//   node scripts/heap-summary.mjs EARLIER.heapsnapshot LATER.heapsnapshot [--top 30]
// Prints, per kind of object (its constructor, or V8's node type), the count and the bytes held by the object
// itself in each snapshot, the largest growth first.
import { readFileSync } from 'node:fs';

const [earlier, later, ...rest] = process.argv.slice(2);
if (!earlier || !later) {
  console.error('usage: node scripts/heap-summary.mjs EARLIER LATER [--top N]');
  process.exit(2);
}
const i = rest.indexOf('--top');
const top = i >= 0 ? Number(rest[i + 1]) : 30;

function byKind(path) {
  const snapshot = JSON.parse(readFileSync(path, 'utf8'));
  const {
    node_fields: fields,
    node_types: [types],
  } = snapshot.snapshot.meta;
  const width = fields.length;
  const at = (name) => fields.indexOf(name);
  const [typeAt, nameAt, sizeAt] = [at('type'), at('name'), at('self_size')];
  const kinds = new Map();
  const { nodes, strings } = snapshot;
  for (let n = 0; n < nodes.length; n += width) {
    const type = types[nodes[n + typeAt]];
    const name = type === 'object' || type === 'closure' || type === 'native' ? strings[nodes[n + nameAt]] : `(${type})`;
    const key = `${name}`.slice(0, 80);
    const kind = kinds.get(key) ?? { count: 0, bytes: 0 };
    kind.count += 1;
    kind.bytes += nodes[n + sizeAt];
    kinds.set(key, kind);
  }
  return kinds;
}

const a = byKind(earlier);
const b = byKind(later);
const rows = [...b].map(([key, kind]) => ({ key, count: kind.count, bytes: kind.bytes, before: a.get(key) ?? { count: 0, bytes: 0 } }));
rows.sort((x, y) => y.bytes - y.before.bytes - (x.bytes - x.before.bytes));
const mb = (bytes) => (bytes / 1024 / 1024).toFixed(2);
console.log('growth MB   count before -> after   kind');
for (const row of rows.slice(0, top)) {
  console.log(`${mb(row.bytes - row.before.bytes).padStart(8)}   ${String(row.before.count).padStart(8)} -> ${String(row.count).padEnd(8)}  ${row.key}`);
}

// --retainers NAME: for objects of that kind that are new in the later snapshot (ids absent from the earlier),
// the chains of objects that hold them (first retainer, up to 10 levels), the commonest first.
const r = rest.indexOf('--retainers');
if (r >= 0) {
  const wanted = rest[r + 1];
  const before = JSON.parse(readFileSync(earlier, 'utf8'));
  const width0 = before.snapshot.meta.node_fields.length;
  const idAt0 = before.snapshot.meta.node_fields.indexOf('id');
  const oldIds = new Set();
  for (let n = 0; n < before.nodes.length; n += width0) oldIds.add(before.nodes[n + idAt0]);
  const s = JSON.parse(readFileSync(later, 'utf8'));
  const {
    node_fields: nf,
    edge_fields: ef,
    node_types: [nodeTypes],
    edge_types: [edgeTypes],
  } = s.snapshot.meta;
  const nw = nf.length;
  const ew = ef.length;
  const [typeAt, nameAt, idAt, edgeCountAt] = ['type', 'name', 'id', 'edge_count'].map((f) => nf.indexOf(f));
  const [edgeTypeAt, edgeNameAt, toAt] = ['type', 'name_or_index', 'to_node'].map((f) => ef.indexOf(f));
  const count = s.nodes.length / nw;
  const retainer = new Int32Array(count).fill(-1);
  const retainerEdge = new Array(count);
  let e = 0;
  for (let node = 0; node < count; node += 1) {
    const edges = s.nodes[node * nw + edgeCountAt];
    for (let k = 0; k < edges; k += 1, e += ew) {
      const type = edgeTypes[s.edges[e + edgeTypeAt]];
      if (type === 'weak' || type === 'shortcut') continue;
      const to = s.edges[e + toAt] / nw;
      if (retainer[to] === -1) {
        retainer[to] = node;
        retainerEdge[to] = type === 'element' || type === 'hidden' ? `[${s.edges[e + edgeNameAt]}]` : s.strings[s.edges[e + edgeNameAt]];
      }
    }
  }
  const nameOf = (node) => {
    const type = nodeTypes[s.nodes[node * nw + typeAt]];
    return type === 'object' || type === 'closure' || type === 'native' ? String(s.strings[s.nodes[node * nw + nameAt]]).slice(0, 40) : `(${type})`;
  };
  const chains = new Map();
  let seen = 0;
  for (let node = 0; node < count && seen < 2000; node += 1) {
    if (nameOf(node) !== wanted || oldIds.has(s.nodes[node * nw + idAt])) continue;
    seen += 1;
    const parts = [];
    for (let at = node, depth = 0; retainer[at] !== -1 && depth < 400 && parts.length < 12; at = retainer[at], depth += 1) {
      const edge = String(retainerEdge[at]);
      const part = `${/^\[\d+\]$/.test(edge) ? '[n]' : edge} <- ${nameOf(retainer[at])}`;
      // A long run of one link (a linked list, nested children) is shown once.
      if (parts.at(-1) === part || parts.at(-1) === `${part} (repeated)`) parts[parts.length - 1] = `${part} (repeated)`;
      else parts.push(part);
    }
    const key = parts.join(' ; ');
    chains.set(key, (chains.get(key) ?? 0) + 1);
  }
  console.log(`\n${seen} new ${wanted}; their holders:`);
  for (const [key, n] of [...chains].sort((x, y) => y[1] - x[1]).slice(0, 8)) console.log(`${String(n).padStart(6)}  ${key}`);
}
