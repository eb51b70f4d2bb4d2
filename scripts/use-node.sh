# Source this file (`source scripts/use-node.sh`) to run the project on Node 24 LTS when the
# machine's Node is older than 22.17: it installs the `node-linux-<arch>` package (Node's
# official binary and headers, published in the npm registry) into .tools/ once, puts it first
# on PATH and points native builds (better-sqlite3) at its headers. Nothing is downloaded from
# anywhere but the npm registry. On a machine with Node ≥ 22.17 it changes nothing.
# shellcheck shell=bash

RUAMPHAEN_NODE_VERSION=24.22.3

ruamphaen_use_node() {
	local root arch dir tmp
	if command -v node >/dev/null 2>&1 &&
		node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 22 || (a === 22 && b >= 17) ? 0 : 1)'; then
		return 0
	fi
	root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
	case "$(uname -m)" in
		x86_64) arch=x64 ;;
		aarch64 | arm64) arch=arm64 ;;
		*) echo "use-node: no Node package for $(uname -m); install Node 24 yourself" >&2; return 1 ;;
	esac
	dir="$root/.tools/node-v$RUAMPHAEN_NODE_VERSION-linux-$arch"
	if [ ! -x "$dir/bin/node" ]; then
		echo "use-node: installing Node $RUAMPHAEN_NODE_VERSION from the npm registry into ${dir#"$root"/}" >&2
		tmp=$(mktemp -d)
		(cd "$tmp" && npm pack --silent "node-linux-$arch@$RUAMPHAEN_NODE_VERSION" >/dev/null) || { rm -rf "$tmp"; return 1; }
		mkdir -p "$dir.partial"
		tar xzf "$tmp/node-linux-$arch-$RUAMPHAEN_NODE_VERSION.tgz" -C "$dir.partial" --strip-components=1
		rm -rf "$tmp" "$dir"
		mv "$dir.partial" "$dir"
	fi
	export PATH="$dir/bin:$PATH"
	# node-gyp builds native modules against these headers instead of fetching them.
	export npm_config_nodedir="$dir"
}

ruamphaen_use_node
