# shellcheck shell=bash
# build_release [CARGO FLAGS...]: the release build every layer runs its programs from.
#
# It always names both convener-cli and convener-ffi: built together their dependencies
# resolve to the same features (clap's derive widens syn's), so the core and its
# dependencies are compiled once for all layers instead of once per set of packages.
build_release() {
  cargo build --release --locked -p convener-cli -p convener-ffi "$@"
}
