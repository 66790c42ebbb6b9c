# shellcheck shell=bash
# Configuration files from templates. Source it after common.sh; do not run it.
#
# A template is the configuration file as it will be written, with @NAME@ (capitals, digits and
# '_') where the script puts a value. Keeping the files out of the scripts lets them be read,
# diffed and checked as what they are (YAML, properties, XML) instead of as shell heredocs.
#
# The substitution is deliberately small: one pass over each line, literal text only. Values are
# never evaluated, never re-scanned for placeholders, and not touched by sed or by bash's pattern
# replacement (which reads '&' in a replacement as the matched text); they are escaped for the
# template's format, chosen by its file name, so a path with a quote cannot end a YAML string.

# template_escape FORMAT VALUE: VALUE as it must be written in a file of FORMAT
template_escape() {
  local format="$1" value="$2"
  # every replacement is quoted: unquoted, bash 5.2 reads '&' in it as the matched text
  case "$format" in
    # inside a YAML double-quoted string (every path or free text in a .yaml template is quoted;
    # the unquoted values are numbers and lists the script has checked, which this leaves alone)
    yaml) value="${value//"\\"/"\\\\"}"; value="${value//'"'/'\"'}" ;;
    # java.util.Properties reads a backslash as an escape
    properties) value="${value//"\\"/"\\\\"}" ;;
    # an XML attribute value or text ('&' first, so that the entities are not escaped twice)
    xml)
      value="${value//'&'/'&amp;'}"; value="${value//'<'/'&lt;'}"; value="${value//'>'/'&gt;'}"
      value="${value//'"'/'&quot;'}"; value="${value//"'"/'&apos;'}"
      ;;
    *) die "no escaping known for template format $format" ;;
  esac
  printf '%s' "$value"
}

# render_template TEMPLATE DEST [NAME=VALUE]...
# Writes DEST: TEMPLATE with every @NAME@ replaced by its VALUE, escaped for the template's format
# (.yaml, .cfg/.properties or .xml). Fails, writing nothing, if the template has a placeholder
# without a value, a value has no placeholder (the script and the template disagree), or a value
# holds a control character (a newline would end a line of any of these formats).
render_template() {
  local template="$1" dest="$2"
  shift 2
  [[ -f "$template" ]] || die "no template $template"
  local format
  case "$template" in
    *.yaml) format=yaml ;;
    *.cfg | *.properties) format=properties ;;
    *.xml) format=xml ;;
    *) die "template $template: unknown format (allowed: .yaml, .cfg, .properties, .xml)" ;;
  esac
  local -A values=() used=()
  local pair name value
  for pair in "$@"; do
    name="${pair%%=*}"
    value="${pair#*=}"
    [[ "$pair" == *=* && "$name" =~ ^[A-Z][A-Z0-9_]*$ ]] || die "render_template: bad argument '$pair' (NAME=VALUE)"
    [[ "$value" != *[[:cntrl:]]* ]] || die "the value of @$name@ for $template holds a control character"
    values[$name]="$(template_escape "$format" "$value")"
  done

  local text="" line token
  while IFS= read -r line || [[ -n "$line" ]]; do
    # leftmost placeholder first; what has been filled in is never looked at again
    while [[ "$line" =~ @([A-Z][A-Z0-9_]*)@ ]]; do
      token="${BASH_REMATCH[0]}"
      name="${BASH_REMATCH[1]}"
      [[ -n "${values[$name]+set}" ]] || die "template $template uses $token, which has no value"
      text+="${line%%"$token"*}${values[$name]}"
      line="${line#*"$token"}"
      used[$name]=1
    done
    text+="$line"$'\n'
  done <"$template"
  for name in "${!values[@]}"; do
    [[ -n "${used[$name]+set}" ]] || die "template $template has no @$name@"
  done

  mkdir -p "$(dirname "$dest")"
  printf '%s' "$text" >"$dest"
}
