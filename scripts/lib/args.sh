# shellcheck shell=bash
# Argument checks shared by loadrank's scripts. Source it after common.sh; do not run it.
#
# Every check fails the same way, so that a typo reads the same in every script and callers can
# tell a mistake of theirs from a failed run by the exit code:
#
#   error: --hosts=0 is not allowed: a whole number from 1 to 9999999
#
# naming the option (or variable), the value given and what is allowed, on stderr, with exit code 2
# (bad usage). Checks of environment variables go through env_check, which keeps the exit code 1
# that the scripts have always used for a bad environment: callers and tests rely on 2 meaning
# "the command line was wrong" and 1 meaning "the run failed".
#
# The checks only compare and print: no value is evaluated, expanded or used as a path here.

# The one command-line convention of the scripts, the same as the Java programs' (io.loadrank.cli.Cli):
#
#   --help (or -h) prints the script's help on stdout and exits 0: the usage line, the options, the
#     environment variables and the exit codes, under the headings "Options:", "Environment:" and
#     "Exit codes:". A script prints its help in a function help_text and calls show_help for --help.
#   Bad usage prints "error: <what>" naming the option, the value and what is allowed, then
#     "try scripts/NAME --help", on stderr, and exits 2 (usage_error, unknown_option, the require_*
#     checks below); options that exclude each other are refused (exclusive).
#   An expected failure of the run (a server that does not start, a missing jar) says what and why in
#     one line and exits 1 (die, in common.sh); never a stack trace.
#
# ScriptUsageTest runs every script with --help and with an unknown option.

# show_help: the calling script's help_text on stdout, then exit 0
show_help() {
  help_text
  exit 0
}

# usage_error MESSAGE...: "error: MESSAGE" and a pointer to --help on stderr, then exit 2 (1 under
# env_check)
usage_error() {
  echo "error: $*" >&2
  echo "try scripts/$(basename "$0") --help" >&2
  exit "${_args_exit_code:-2}"
}

# unknown_option ARG [WHAT]: refuses an argument the script does not take; WHAT names what was
# expected there (default "option")
unknown_option() {
  usage_error "unknown ${2:-option} $1 (--help lists them)"
}

# exclusive OPTION_A GIVEN_A OPTION_B GIVEN_B: refuses the two options together; GIVEN_* is
# non-empty when the option was given
exclusive() {
  [[ -z "$2" || -z "$4" ]] || usage_error "$1 and $3 exclude each other: give one of them"
}

# not_allowed NAME VALUE ALLOWED...: the one message format of every check below
not_allowed() {
  local name="$1" value="$2"
  shift 2
  usage_error "$name=$value is not allowed: $*"
}

# env_check CHECK ARGS...: runs one of the require_* checks on an environment variable; the same
# message, but exit code 1, as for any other failed run (a dynamically scoped local, read by
# usage_error, so the checks themselves need no extra argument)
env_check() {
  local _args_exit_code=1
  "$@"
}

# require_value OPTION COUNT: for an option that takes a value, called with "$#" while $1 is the
# option; fails when the option is the last argument
require_value() {
  local option="$1" count="$2"
  ((count >= 2)) || usage_error "$option needs a value"
}

# require_int NAME VALUE MIN MAX [NOTE]: VALUE is a whole number (optionally signed, leading zeros
# allowed and read as decimal) from MIN to MAX; an empty MAX means no upper bound. NOTE, if given,
# ends the message, e.g. "(0 = until Ctrl-C)". More than 18 digits never pass: bash arithmetic is
# 64-bit and would silently wrap before the comparison.
require_int() {
  local name="$1" value="$2" min="$3" max="$4" note="${5:-}"
  local allowed="a whole number from $min to $max"
  [[ -n "$max" ]] || allowed="a whole number of at least $min"
  [[ -z "$note" ]] || allowed+=" $note"
  [[ "$value" =~ ^(-?)([0-9]{1,18})$ ]] || not_allowed "$name" "$value" "$allowed"
  # 10# reads "08" as eight, not as a bad octal number; the sign is applied separately because
  # 10# takes only digits
  local number=$((10#${BASH_REMATCH[2]}))
  [[ -z "${BASH_REMATCH[1]}" ]] || number=$((-number))
  ((number >= min)) || not_allowed "$name" "$value" "$allowed"
  [[ -z "$max" ]] || ((number <= max)) || not_allowed "$name" "$value" "$allowed"
}

# require_one_of NAME VALUE ALLOWED...: VALUE is exactly one of the ALLOWED words
require_one_of() {
  local name="$1" value="$2" word
  shift 2
  for word in "$@"; do
    [[ "$value" == "$word" ]] && return 0
  done
  local list
  list="$(printf '%s, ' "$@")"
  not_allowed "$name" "$value" "one of ${list%, }"
}

# require_match NAME VALUE REGEX ALLOWED: VALUE matches the extended regular expression REGEX (the
# caller's constant, anchored by the caller); ALLOWED says in words what that is
require_match() {
  local name="$1" value="$2" regex="$3" allowed="$4"
  [[ "$value" =~ $regex ]] || not_allowed "$name" "$value" "$allowed"
}
