#!/usr/bin/env bash
# The test command: installs the programs the tests need that Maven cannot bring (Debian packages,
# listed once below), then runs every unit and integration test with `mvn -B verify`.
#
#   scripts/test.sh [MAVEN ARGS...]
#
# MAVEN ARGS go to Maven as they are, e.g. one module's tests and one integration test:
#   scripts/test.sh -pl webview -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
#     -Dfailsafe.failIfNoSpecifiedTests=false -Dit.test=WebViewBrowserIT
#
# A missing program is installed with apt-get (through sudo when not root, after one apt-get
# update), saying first in one line what it installs and why. Where it cannot be installed (no
# apt-get, or not root and no sudo), the script stops before Maven starts, naming the program and
# the test that needs it, with exit code 3. Every program is checked and installed whether or not
# the MAVEN ARGS select its test.
set -euo pipefail

# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=lib/args.sh
source "$LOADRANK_HOME/scripts/lib/args.sh"

# The programs the tests need that Maven cannot bring, one entry a line: "PROGRAM[,OTHER NAME...]
# PACKAGE TEST": a program found under any of the names will do; PACKAGE is the Debian package that
# has the first; TEST is the test that needs it. The tests read this list too
# (io.loadrank.testing.RequiredProgram: keep each entry in double quotes on a line of its own and
# the closing parenthesis alone on its line) and fail at their start, in the words of
# missing_message, when they run without the program.
readonly REQUIRED_PROGRAMS=(
  "chromium,chromium-browser,google-chrome chromium WebViewBrowserIT"
  "promtool prometheus PrometheusRulesTest"
  "prometheus prometheus PrometheusScrapeIT"
  "shellcheck shellcheck ShellcheckTest"
)

# Exit code when a program is missing and cannot be installed (Maven's own failures exit 1).
readonly EXIT_MISSING=3

help_text() {
  local entry names package test
  cat <<'USAGE'
usage: scripts/test.sh [MAVEN ARGS...]
  Installs the Debian packages the tests need when their programs are not on the PATH (with
  apt-get, through sudo when not root), then runs `mvn -B verify MAVEN ARGS...`. The packages:
USAGE
  for entry in "${REQUIRED_PROGRAMS[@]}"; do
    read -r names package test <<<"$entry"
    echo "    $package, for $test (${names//,/ or } on the PATH)"
  done
  cat <<'USAGE'
Options:
  MAVEN ARGS  passed to Maven as they are, e.g.
              -pl webview -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
              -Dfailsafe.failIfNoSpecifiedTests=false -Dit.test=WebViewBrowserIT
              (one module and the modules it needs, one integration test and no unit tests)
Environment:
  none of its own; Maven's (MAVEN_OPTS, JAVA_HOME)
Exit codes:
  Maven's (0 all tests passed, 1 a build or test failure); 3 a program the tests need is
  missing and cannot be installed here (no apt-get, or not root and no sudo): nothing was run.
USAGE
}

case "${1:-}" in -h | --help) show_help ;; esac

# missing_message PROGRAM PACKAGE TEST: the words both this script and the test use
missing_message() {
  echo "$1 not found on the PATH: $3 needs it; install it with apt-get install $2 (scripts/test.sh does this when it can)"
}

# on_path NAMES: true if a program of one of the comma-separated NAMES is on the PATH
on_path() {
  local name names
  IFS=, read -ra names <<<"$1"
  for name in "${names[@]}"; do
    command -v "$name" >/dev/null 2>&1 && return 0
  done
  return 1
}

# find_missing: sets missing to the entries whose program is not on the PATH, each as
# "PROGRAM PACKAGE TEST" with PROGRAM the first of its names
find_missing() {
  local entry names package test
  missing=()
  for entry in "${REQUIRED_PROGRAMS[@]}"; do
    read -r names package test <<<"$entry"
    on_path "$names" || missing+=("${names%%,*} $package $test")
  done
}

# cannot_install REASON: names every missing program and its test, in the tests' words, says why
# they cannot be installed, and exits before Maven
cannot_install() {
  local entry program package test
  for entry in "${missing[@]}"; do
    read -r program package test <<<"$entry"
    echo "error: $(missing_message "$program" "$package" "$test")" >&2
  done
  echo "error: scripts/test.sh cannot install it here ($1), so it stops before Maven" >&2
  exit "$EXIT_MISSING"
}

find_missing
if ((${#missing[@]} > 0)); then
  packages=() needs=""
  for entry in "${missing[@]}"; do
    read -r program package test <<<"$entry"
    [[ " ${packages[*]} " == *" $package "* ]] || packages+=("$package")
    needs+="${needs:+, }$test needs $program"
  done
  command -v apt-get >/dev/null 2>&1 || cannot_install "no apt-get on the PATH"
  as_root=()
  if ((EUID != 0)); then
    command -v sudo >/dev/null 2>&1 || cannot_install "not root, and no sudo on the PATH"
    as_root=(sudo)
  fi
  info "installing ${packages[*]} with ${as_root[*]:+sudo }apt-get, missing from the PATH: $needs"
  "${as_root[@]}" apt-get update -qq || cannot_install "apt-get update failed, output above"
  "${as_root[@]}" apt-get install -y -qq "${packages[@]}" || cannot_install "apt-get install failed, output above"
  # Debian's prometheus package enables its services; the tests start a Prometheus of their own
  if [[ " ${packages[*]} " == *" prometheus "* ]] && command -v systemctl >/dev/null 2>&1; then
    "${as_root[@]}" systemctl disable --now prometheus prometheus-node-exporter >/dev/null 2>&1 || true
  fi
  find_missing
  ((${#missing[@]} == 0)) || cannot_install "apt-get installed the package, yet the program is not on the PATH"
fi

command -v mvn >/dev/null 2>&1 || die "mvn not found: install Apache Maven (and a JDK 17)"
cd "$LOADRANK_HOME"
exec mvn -B verify "$@"
