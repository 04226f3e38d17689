# Sourced by the scripts that check convener against Python tools. Defines:
#   ensure_venv   – makes target/venv-differential with the pinned packages when missing
#   apt_install   – installs Debian packages (with sudo when not root)
#   PY            – the venv's python
# One list of pins for every script, so they never rebuild the venv in turn.

REQUIREMENTS=(networkx==3.6.1 scipy==1.17.1 numpy==2.4.6)
VENV=target/venv-differential
PY="$VENV/bin/python"

SUDO=()
[[ $(id -u) -eq 0 ]] || SUDO=(sudo)

apt_install() {
  "${SUDO[@]}" apt-get install -y -q "$@" >/dev/null ||
    { "${SUDO[@]}" apt-get update -q >/dev/null && "${SUDO[@]}" apt-get install -y -q "$@" >/dev/null; }
}

ensure_venv() {
  command -v python3 >/dev/null || { echo "python3 is missing: install Python 3.11 or later" >&2; return 2; }
  local stamp="$VENV/.requirements"
  if [[ -x "$PY" && "$(cat "$stamp" 2>/dev/null)" == "${REQUIREMENTS[*]}" ]]; then
    return 0
  fi
  echo "setting up $VENV (${REQUIREMENTS[*]})"
  rm -rf "$VENV"
  if ! python3 -m venv "$VENV" 2>/dev/null; then
    rm -rf "$VENV"
    # Debian's python3 keeps venv in a package of its own.
    { command -v apt-get >/dev/null && apt_install python3-venv; } ||
      { echo "python3 -m venv failed: install python3-venv" >&2; return 2; }
    python3 -m venv "$VENV"
  fi
  "$PY" -m pip install --quiet --disable-pip-version-check "${REQUIREMENTS[@]}"
  echo "${REQUIREMENTS[*]}" > "$stamp"
}
